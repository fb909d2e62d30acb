import type { StoreStats } from '../../store/articles-repository.js';
import type { DefineCommand } from '../cli-context.js';

// A breakdown reads as "digest 6, html 2", not as JSON.
const statText = (v: StoreStats[keyof StoreStats]): string =>
  v !== null && typeof v === 'object'
    ? Object.entries(v)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || '-'
    : String(v ?? '-');

/** `dossier stats`: counts of what the store holds. */
export const define: DefineCommand = (command, context) => {
  command.option('--json', 'print JSON').action(async (opts: { json?: boolean }) => {
    const { storeStats } = await import('../../store/articles-repository.js');
    await context.withStore(async (store) => {
      const s = await storeStats(store);
      process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : `${Object.entries(s).map(([k, v]) => `${k}: ${statText(v)}`).join('\n')}\n`);
    });
  });
};

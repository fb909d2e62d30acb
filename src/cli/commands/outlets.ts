import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

const out = (s: string): void => {
  process.stdout.write(s);
};

/** `dossier outlets`: outlets with their counts, dates, actors and event types. */
export const define: DefineCommand = (command, context) => {
  command.option('--json', 'print a JSON array').action(async (o: { json?: boolean }) => {
    const { outletSummaries } = await import('../../store/records-queries.js');
    await context.withStore(async (store) => {
      const outlets = await outletSummaries(store);
      if (o.json) {
        out(`${JSON.stringify(outlets, null, 2)}\n`);
        return;
      }
      for (const x of outlets) {
        out(`${x.name}: ${count(x.articles, 'article')}, ${x.firstDate ?? '?'} – ${x.lastDate ?? '?'}\n`);
        out(`    actors: ${x.topActors.map((a) => `${a.name} (${a.events})`).join(', ') || '-'}\n    events: ${x.topEventTypes.map((t) => `${t.type} (${t.events})`).join(', ') || '-'}\n`);
      }
    });
  });
};

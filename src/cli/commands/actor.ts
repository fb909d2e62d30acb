import { NotFoundError } from '../../errors.js';
import type { DefineCommand } from '../cli-context.js';

/** `dossier actor <id>`: one actor and where it is mentioned. */
export const define: DefineCommand = (command, context) => {
  command
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const [{ getActor }, { printActor }] = await Promise.all([import('../../store/mentions-queries.js'), import('../print-mentions.js')]);
      await context.withStore(async (store) => {
        const a = await getActor(store, id);
        if (!a) throw new NotFoundError('actor', id, ' (see dossier actors)');
        printActor(a, opts.json === true);
      });
    });
};

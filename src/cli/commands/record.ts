import { NotFoundError } from '../../errors.js';
import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

const out = (s: string): void => {
  process.stdout.write(s);
};

/** `dossier record <id>`: one event record with its reports, witnesses and contradictions. */
export const define: DefineCommand = (command, context) => {
  command
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const [{ recordWithReports }, { contradictionLines, inconsistencyLines, recordLine, updateLines, who }] = await Promise.all([
        import('../../records/record-detail-view.js'),
        import('../print-records.js'),
      ]);
      await context.withStore(async (store) => {
        const r = await recordWithReports(store, id);
        if (!r) throw new NotFoundError('event record', id, ' (see dossier records)');
        if (o.json) {
          out(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        out(recordLine(r));
        out(`  first reported ${r.firstReported ?? '?'}, last ${r.lastReported ?? '?'}\n  witnesses:\n`);
        for (const g of r.witnesses) out(`    ${g.outlets.join(', ')}: ${count(g.articleIds.length, 'article')}${g.reasons.length ? ` (one witness: ${g.reasons.join(', ')})` : ''}\n`);
        out('  reports:\n');
        for (const m of r.reports) {
          const mags = m.magnitudes.map((x) => `${x.kind} ${x.text}`).join(', ');
          const wires = m.wireCredits.map((c) => `${c.wire ?? 'unnamed agency'} (${c.kind})`).join(', ');
          out(`    ${m.outlet ?? '-'} ${m.published ?? '?'} ${m.articleId} ${m.eventId}: ${m.code} ${who(m.source)} → ${who(m.target)} ${m.date ?? 'undated'}${m.place ? ` @ ${m.place}` : ''} [${m.modality}]${mags ? ` (${mags})` : ''}\n      “${m.evidence.replace(/\s+/g, ' ').slice(0, 200)}”\n      linked: ${m.reason}${wires ? `\n      credits: ${wires}` : ''}\n`);
        }
        if (r.contradictions.length > 0) out(`  contradictions:\n${contradictionLines(r.contradictions)}`);
        if (r.updates.length > 0) out(`  figures updated over time (not disputes):\n${updateLines(r.updates)}`);
        if (r.inconsistencies.length > 0) out(`  inconsistencies:\n${inconsistencyLines(r.inconsistencies)}`);
      });
    });
};

import { UsageError } from '../../errors.js';
import { addEventFilterOptions, boundingBox, positiveInt, unitInterval } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

const MODALITIES = ['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'];

type EventsOptions = {
  actor?: string;
  code?: string;
  plover?: string;
  place?: string;
  bbox?: [number, number, number, number];
  from?: string;
  to?: string;
  outlet?: string;
  modality?: string;
  minConfidence?: number;
  all?: boolean;
  limit?: number;
  json?: boolean;
};

/** `dossier events`: coded event mentions. */
export const define: DefineCommand = (command, context) => {
  addEventFilterOptions(command)
    .option('--plover <type>', 'PLOVER event type (ASSAULT, PROTEST, ...)')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat', boundingBox)
    .option('--modality <m>', MODALITIES.join(', '))
    .option('--min-confidence <x>', 'only events at or above this confidence (0..1)', unitInterval)
    .option('--all', 'include events an analyst rejected')
    .option('--limit <n>', 'at most n events', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier events --code 19 --from 2020-01 --json\n  dossier events --actor irq-pmu --modality conditional\n  dossier events --bbox 38,29,49,38 --min-confidence 0.6')
    .action(async (o: EventsOptions) => {
      if (o.modality && !MODALITIES.includes(o.modality)) throw new UsageError(`unknown modality "${o.modality}"; one of ${MODALITIES.join(', ')}`);
      if (o.code && !/^\d{1,4}$/.test(o.code)) throw new UsageError('a CAMEO code is digits: "19", "190", "1951"');
      const [{ findEvents }, { printEvents }] = await Promise.all([import('../../store/events-queries.js'), import('../print-events.js')]);
      await context.withStore(async (store) => printEvents(await findEvents(store, { ...o, includeRejected: o.all === true }), o.json === true));
    });
};

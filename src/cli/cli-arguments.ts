import { type Command, InvalidArgumentError } from 'commander';

/** Option parsers shared by every command, so a bad value reads the same everywhere. */

export const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
};

/**
 * Checks every `<date>` option of the command about to run against the API's date schema, so
 * "2020-02-30" is refused alike by `--from` and by `?from=`. Run before the action rather than
 * as an option parser, because the schema brings zod, which `--help` should not load.
 */
export async function checkDateOptions(command: Command): Promise<void> {
  const dated = command.options.filter((o) => o.flags.endsWith(' <date>'));
  const given = dated.filter((o) => typeof command.getOptionValue(o.attributeName()) === 'string');
  if (given.length === 0) return;
  const { IsoDate } = await import('../api/query-schemas.js');
  for (const option of given) {
    const value = command.getOptionValue(option.attributeName()) as string;
    const r = IsoDate.safeParse(value);
    if (!r.success) {
      const why = r.error.issues.map((i) => i.message).join('; ');
      command.error(`error: option '${option.flags}' argument '${value}' is invalid. ${why}`, { code: 'commander.invalidArgument' });
    }
  }
}

export const unitInterval = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};

export const boundingBox = (v: string): [number, number, number, number] => {
  const parts = v.split(',').map(Number);
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || minLon! > maxLon! || minLat! > maxLat!) {
    throw new InvalidArgumentError('expected minLon,minLat,maxLon,maxLat');
  }
  return [minLon!, minLat!, maxLon!, maxLat!];
};

/** The filters `events`, `records` and `export` share, worded once. */
export function addEventFilterOptions(command: Command): Command {
  return command
    .option('--actor <id|name>', 'an actor id, or a name a source or target contains')
    .option('--code <code>', 'CAMEO code or its prefix (root "19", "190", "1951")')
    .option('--from <date>', 'on or after (YYYY[-MM[-DD]])')
    .option('--to <date>', 'on or before (YYYY[-MM[-DD]])')
    .option('--place <name>', 'place name contains')
    .option('--outlet <name>', 'reported by an outlet whose name contains this');
}

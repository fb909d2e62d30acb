/**
 * The arguments of the error-listing scripts (geo-recognition-errors.ts,
 * geo-resolution-errors.ts): a gold folder or file, `--show kind` and `--limit n`. Exits with a
 * usage line naming the script when no path is given.
 */
export interface ErrorListingArgs {
  readonly path: string;
  readonly show: string | undefined;
  readonly limit: number;
}

export function errorListingArgs(script: string, argv: readonly string[] = process.argv.slice(2)): ErrorListingArgs {
  const path = argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const showAt = argv.indexOf('--show');
  const limitAt = argv.indexOf('--limit');
  if (path === undefined) {
    console.error(`usage: ${script} <geoparsing folder or file> [--show kind] [--limit n]`);
    process.exit(2);
  }
  return { path, show: showAt >= 0 ? argv[showAt + 1] : undefined, limit: limitAt >= 0 ? Number(argv[limitAt + 1]) : 60 };
}

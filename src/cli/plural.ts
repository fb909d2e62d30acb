/** "1 file", "2 files", "0 files": a count with its noun agreeing. */
export const count = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;

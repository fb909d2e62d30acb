/**
 * Month abbreviations (AP style writes them only before a day: "Jan. 3"). They may end a
 * sentence only before a clear sentence opener, so "on Jan. 3" never breaks.
 * "May", "June" and "July" are never abbreviated and so are not listed.
 */
export const monthAbbreviations: readonly string[] = Object.freeze([
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
]);

/**
 * Abbreviations written before a place name: "St. Louis", "Mt. Hermon", "Ft. Rowan".
 * Like titles they never end a sentence; "Main St." at the end of a sentence is the
 * price paid (see the report on sentence boundaries).
 */
export const placePrefixes: readonly string[] = Object.freeze(['St', 'Ste', 'Mt', 'Ft', 'Pt']);

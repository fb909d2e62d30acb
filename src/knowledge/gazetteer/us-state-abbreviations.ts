/**
 * How news writes US states after a town ("Alexandria, La.", "Tampa, FL"): AP-style
 * abbreviations and postal codes, each mapped to the state's ISO 3166-2 code.
 */

const AP_STYLE: Readonly<Record<string, string>> = {
  'Ala.': 'AL', 'Ariz.': 'AZ', 'Ark.': 'AR', 'Calif.': 'CA', 'Colo.': 'CO', 'Conn.': 'CT',
  'Del.': 'DE', 'Fla.': 'FL', 'Ga.': 'GA', 'Ill.': 'IL', 'Ind.': 'IN', 'Kan.': 'KS', 'Kans.': 'KS',
  'Ky.': 'KY', 'La.': 'LA', 'Md.': 'MD', 'Mass.': 'MA', 'Mich.': 'MI', 'Minn.': 'MN',
  'Miss.': 'MS', 'Mo.': 'MO', 'Mont.': 'MT', 'Neb.': 'NE', 'Nebr.': 'NE', 'Nev.': 'NV',
  'N.H.': 'NH', 'N.J.': 'NJ', 'N.M.': 'NM', 'N.Y.': 'NY', 'N.C.': 'NC', 'N.D.': 'ND',
  'Okla.': 'OK', 'Ore.': 'OR', 'Pa.': 'PA', 'Penn.': 'PA', 'R.I.': 'RI', 'S.C.': 'SC',
  'S.D.': 'SD', 'Tenn.': 'TN', 'Tex.': 'TX', 'Vt.': 'VT', 'Va.': 'VA', 'Wash.': 'WA',
  'W.Va.': 'WV', 'W. Va.': 'WV', 'Wis.': 'WI', 'Wisc.': 'WI', 'Wyo.': 'WY', 'D.C.': 'DC',
};

const POSTAL = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY',
  'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV',
  'WI', 'WY', 'DC',
];

const BY_FORM = new Map<string, string>([
  ...Object.entries(AP_STYLE).map(([form, code]): [string, string] => [form, `US-${code}`]),
  ...POSTAL.map((code): [string, string] => [code, `US-${code}`]),
]);

/** "La." → "US-LA", "FL" → "US-FL"; null for anything else. Case-sensitive on purpose ("in", "me"). */
export function usStateByAbbreviation(form: string): string | null {
  return BY_FORM.get(form) ?? null;
}

/** The abbreviation at the start of `text`, with its length: "La. ..." → ["US-LA", 3]. */
export function leadingUsState(text: string): readonly [string, number] | null {
  const match = /^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.(?: ?[A-Z][a-z]?\.)+|[A-Z]{2}\b)/.exec(text);
  if (match === null) return null;
  const code = usStateByAbbreviation(match[0]);
  return code === null ? null : [code, match[0].length];
}

/** The AP-style abbreviations of a state ("LA" → ["La."]): dotted forms only, never postal codes. */
export function usStateAbbreviationsOf(code: string): string[] {
  return Object.entries(AP_STYLE)
    .filter(([, c]) => c === code)
    .map(([form]) => form);
}

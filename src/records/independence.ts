/**
 * How many independent witnesses a record has: reports from the same outlet, from outlets
 * with the same owner, crediting the same wire (or being that wire), or from articles that
 * share a repeated passage count once.
 */

export interface Report {
  readonly articleId: string;
  readonly outlet: string | null;
  /** The outlet's owner or parent, when the registry knows it. */
  readonly owner: string | null;
  /** Agencies the article credits, and the outlet itself when it is an agency ("Reuters"). */
  readonly wires?: readonly string[];
}

export interface WitnessGroup {
  readonly articleIds: string[];
  readonly outlets: string[];
  /** Why these reports count as one: "same outlet", "same owner: News Corp", "wire: Reuters", "shared passage". */
  readonly reasons: string[];
}

export interface Independence {
  readonly outlets: string[];
  readonly independentOutlets: number;
  readonly groups: WitnessGroup[];
}

/** Union-find over articles; `copies` are article pairs sharing a repeated passage. */
export function independentWitnesses(reports: readonly Report[], copies: ReadonlyArray<readonly [string, string]>): Independence {
  const articles = [...new Set(reports.map((r) => r.articleId))];
  const parent = new Map(articles.map((a) => [a, a]));
  const reasons = new Map<string, Set<string>>();
  const find = (a: string): string => {
    let root = a;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(a, root);
    return root;
  };
  const union = (a: string, b: string, why: string): void => {
    const ra = find(a);
    const rb = find(b);
    const merged = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), why]);
    if (ra !== rb) parent.set(rb, ra);
    reasons.set(ra, merged);
  };
  const firstBy = new Map<string, string>();
  const outletOf = new Map(reports.map((r) => [r.articleId, r.outlet?.toLowerCase() ?? null]));
  for (const r of reports) {
    const ties: Array<[string, string | null]> = [
      ['same outlet', r.outlet],
      ['same owner', r.owner],
      ...(r.wires ?? []).map((w): [string, string] => ['wire', w]),
    ];
    for (const [kind, value] of ties) {
      if (value === null) continue;
      const key = `${kind}|${value.toLowerCase()}`;
      const seen = firstBy.get(key);
      if (seen === undefined) firstBy.set(key, r.articleId);
      // The outlet is its own reason; an owner or a wire is named, so the reader sees which
      // (one outlet's articles share its owner too: that says nothing more).
      else if (seen !== r.articleId) {
        const sameOutlet = outletOf.get(seen) !== null && outletOf.get(seen) === outletOf.get(r.articleId);
        union(seen, r.articleId, kind === 'same outlet' || (kind === 'same owner' && sameOutlet) ? 'same outlet' : `${kind}: ${value}`);
      }
    }
  }
  for (const [a, b] of copies) if (parent.has(a) && parent.has(b) && a !== b) union(a, b, 'shared passage');

  const byRoot = new Map<string, Report[]>();
  for (const r of reports) byRoot.set(find(r.articleId), [...(byRoot.get(find(r.articleId)) ?? []), r]);
  const groups = [...byRoot.entries()].map(([root, rs]) => ({
    articleIds: [...new Set(rs.map((r) => r.articleId))],
    outlets: [...new Set(rs.map((r) => r.outlet ?? '(unknown outlet)'))],
    reasons: [...(reasons.get(root) ?? [])].sort(),
  }));
  return {
    outlets: [...new Set(reports.map((r) => r.outlet).filter((o): o is string => o !== null))].sort(),
    independentOutlets: groups.length,
    groups,
  };
}

/**
 * Lanes for marks on one axis, so that none covers another: each mark, taken from left to
 * right, goes to the lowest lane where it clears the mark before it by `gap`. DOM-free.
 */
export function packLanes(marks: readonly { readonly left: number; readonly right: number }[], gap = 1): number[] {
  const order = marks.map((_, i) => i).sort((a, b) => marks[a]!.left - marks[b]!.left || marks[a]!.right - marks[b]!.right || a - b);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(marks.length).fill(0);
  for (const i of order) {
    const m = marks[i]!;
    let lane = laneEnds.findIndex((end) => end + gap <= m.left);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(m.right);
    } else laneEnds[lane] = m.right;
    lanes[i] = lane;
  }
  return lanes;
}

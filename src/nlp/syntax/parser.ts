import { seededRandom } from '../seeded-random.js';
import { mix1, mix2, mix3, mix4 } from './feature-mix.js';
import { argmaxInt, type DenseModel, type LinearModel, PerceptronTrainer, scoreDense4, scoreFeatures, toDense } from './linear-model.js';
import { argmax, shuffle } from './tagger.js';

/**
 * The dependency parser: greedy arc-eager transitions (Nivre 2003) scored by an averaged
 * perceptron over Zhang & Nivre's (2011) rich non-local features (distance, valency, the
 * labels and words of the children and grandparents built so far), trained with Goldberg &
 * Nivre's (2012) dynamic oracle, which teaches the parser to recover from its own mistakes.
 * A second perceptron names each arc's relation the moment the arc is made, so later
 * decisions can read the labels.
 *
 * Position 0 is an artificial root on the stack's bottom; words are 1..n. The root takes one
 * dependent. Trees are projective; treebank trees that are not are lifted before training.
 */

export interface ParserModel {
  readonly relations: readonly string[];
  /** Four classes, laid out densely: read twice per word. */
  readonly transitions: DenseModel;
  readonly labels: LinearModel;
  /**
   * A second look at every relation once the tree is whole (null: none). The arc-time label
   * is named before the dependent has its right children and before its head has all of its;
   * this one reads them, and the arc-time labels around it.
   */
  readonly relabel: LinearModel | null;
}

/** What the parser reads of each word (index 0 = the root). */
export interface ParserInput {
  readonly n: number;
  readonly word: Int32Array;
  readonly tag: Int32Array;
  readonly fine: Int32Array;
  readonly coarse: Int32Array;
}

const SHIFT = 0;
const REDUCE = 1;
const LEFT = 2;
const RIGHT = 3;
const NONE = -1;
const MAX_FEATURES = 96;
const MAX_LABEL_FEATURES = 48;

class State {
  readonly stack: Int32Array;
  sp = 0;
  b = 1;
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  readonly lcount: Int32Array;
  readonly rcount: Int32Array;
  /** Label sets of the left and right children, as bit sets over relation ids mod 31. */
  readonly lset: Int32Array;
  readonly rset: Int32Array;
  rootDeps = 0;

  constructor(readonly n: number) {
    const size = n + 1;
    this.stack = new Int32Array(size + 1);
    this.head = new Int32Array(size).fill(NONE);
    this.label = new Int32Array(size).fill(NONE);
    this.l1 = new Int32Array(size).fill(NONE);
    this.l2 = new Int32Array(size).fill(NONE);
    this.r1 = new Int32Array(size).fill(NONE);
    this.r2 = new Int32Array(size).fill(NONE);
    this.lcount = new Int32Array(size);
    this.rcount = new Int32Array(size);
    this.lset = new Int32Array(size);
    this.rset = new Int32Array(size);
    this.stack[this.sp++] = 0;
  }

  get s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1]! : NONE;
  }

  get terminal(): boolean {
    return this.b > this.n;
  }

  legal(t: number): boolean {
    const s = this.s0;
    switch (t) {
      case SHIFT:
        return this.b <= this.n;
      case RIGHT:
        return this.b <= this.n && s !== NONE && (s !== 0 || this.rootDeps === 0);
      case LEFT:
        return this.b <= this.n && s > 0 && this.head[s] === NONE;
      default:
        return s > 0 && this.head[s] !== NONE;
    }
  }

  addArc(h: number, d: number, rel: number): void {
    this.head[d] = h;
    this.label[d] = rel;
    const bit = 1 << (rel % 31);
    if (h === 0) this.rootDeps++;
    if (d < h) {
      if (this.l1[h] === NONE || d < this.l1[h]!) {
        this.l2[h] = this.l1[h]!;
        this.l1[h] = d;
      } else if (this.l2[h] === NONE || d < this.l2[h]!) this.l2[h] = d;
      this.lcount[h]!++;
      this.lset[h]! |= bit;
    } else {
      this.r2[h] = this.r1[h]!;
      this.r1[h] = d;
      this.rcount[h]!++;
      this.rset[h]! |= bit;
    }
  }

  apply(t: number, rel: number): void {
    const s = this.s0;
    if (t === SHIFT) this.stack[this.sp++] = this.b++;
    else if (t === REDUCE) this.sp--;
    else if (t === LEFT) {
      this.addArc(this.b, s, rel);
      this.sp--;
    } else {
      this.addArc(s, this.b, rel);
      this.stack[this.sp++] = this.b++;
    }
  }
}

/** A word's code, tag, clusters and label; a stand-in for positions that do not exist. */
const ABSENT = -7;
function W(x: ParserInput, i: number): number {
  return i === NONE ? ABSENT : x.word[i]!;
}
function P(x: ParserInput, i: number): number {
  return i === NONE ? ABSENT : x.tag[i]!;
}
function C(x: ParserInput, i: number): number {
  return i === NONE ? ABSENT : x.fine[i]!;
}
function K(x: ParserInput, i: number): number {
  return i === NONE ? ABSENT : x.coarse[i]!;
}
function L(st: State, i: number): number {
  return i === NONE ? ABSENT : st.label[i]!;
}

function distanceBucket(d: number): number {
  return d <= 4 ? d : d <= 7 ? 5 : d <= 11 ? 6 : 7;
}

/**
 * The features of a state that read nothing but the first three words of the buffer. A word
 * stays first in the buffer for two transitions on average, so parsing sums these once per
 * buffer position (see parse); training writes them with the rest (stateFeatures).
 */
function bufferFeatures(x: ParserInput, b: number, out: Int32Array): number {
  const n0 = b <= x.n ? b : NONE;
  const n1 = b + 1 <= x.n ? b + 1 : NONE;
  const n2 = b + 2 <= x.n ? b + 2 : NONE;
  const n0w = W(x, n0);
  const n0p = P(x, n0);
  const n1w = W(x, n1);
  const n1p = P(x, n1);
  const n2p = P(x, n2);
  let n = 0;
  out[n++] = mix1(0, 0);
  out[n++] = mix2(4, n0w, n0p);
  out[n++] = mix1(5, n0w);
  out[n++] = mix1(6, n0p);
  out[n++] = mix2(7, n1w, n1p);
  out[n++] = mix1(8, n1w);
  out[n++] = mix1(9, n1p);
  out[n++] = mix2(10, W(x, n2), n2p);
  out[n++] = mix1(11, W(x, n2));
  out[n++] = mix1(12, n2p);
  out[n++] = mix2(20, n0p, n1p);
  out[n++] = mix3(21, n0p, n1p, n2p);
  out[n++] = mix1(74, C(x, n0));
  out[n++] = mix1(75, C(x, n1));
  return n;
}

/** All the transition features of a state, written into `out`; returns how many. */
function stateFeatures(x: ParserInput, st: State, out: Int32Array): number {
  return stackFeatures(x, st, out, bufferFeatures(x, st.b, out));
}

/** The features that read the stack or the arcs built so far, written from `out[start]`; returns the new count. */
function stackFeatures(x: ParserInput, st: State, out: Int32Array, start: number): number {
  const s0 = st.s0;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : NONE;
  const n0 = st.b <= x.n ? st.b : NONE;
  const n1 = st.b + 1 <= x.n ? st.b + 1 : NONE;
  const s0h = s0 === NONE ? NONE : st.head[s0]!;
  const s0h2 = s0h === NONE ? NONE : st.head[s0h]!;
  const s0l = s0 === NONE ? NONE : st.l1[s0]!;
  const s0l2 = s0 === NONE ? NONE : st.l2[s0]!;
  const s0r = s0 === NONE ? NONE : st.r1[s0]!;
  const s0r2 = s0 === NONE ? NONE : st.r2[s0]!;
  const n0l = n0 === NONE ? NONE : st.l1[n0]!;
  const n0l2 = n0 === NONE ? NONE : st.l2[n0]!;
  const s0w = W(x, s0);
  const s0p = P(x, s0);
  const n0w = W(x, n0);
  const n0p = P(x, n0);
  const n1w = W(x, n1);
  const n1p = P(x, n1);
  const dist = s0 === NONE || n0 === NONE ? -1 : distanceBucket(n0 - s0);
  let n = start;
  // Single words.
  out[n++] = mix2(1, s0w, s0p);
  out[n++] = mix1(2, s0w);
  out[n++] = mix1(3, s0p);
  // Pairs.
  out[n++] = mix4(13, s0w, s0p, n0w, n0p);
  out[n++] = mix3(14, s0w, s0p, n0w);
  out[n++] = mix3(15, s0w, n0w, n0p);
  out[n++] = mix3(16, s0w, s0p, n0p);
  out[n++] = mix3(17, s0p, n0w, n0p);
  out[n++] = mix2(18, s0w, n0w);
  out[n++] = mix2(19, s0p, n0p);
  // Triples of tags.
  out[n++] = mix3(22, s0p, n0p, n1p);
  out[n++] = mix3(23, P(x, s0h), s0p, n0p);
  out[n++] = mix3(24, s0p, P(x, s0l), n0p);
  out[n++] = mix3(25, s0p, P(x, s0r), n0p);
  out[n++] = mix3(26, s0p, n0p, P(x, n0l));
  // Distance.
  out[n++] = mix2(27, s0w, dist);
  out[n++] = mix2(28, s0p, dist);
  out[n++] = mix2(29, n0w, dist);
  out[n++] = mix2(30, n0p, dist);
  out[n++] = mix3(31, s0w, n0w, dist);
  out[n++] = mix3(32, s0p, n0p, dist);
  // Valency.
  const s0vl = s0 === NONE ? -1 : st.lcount[s0]!;
  const s0vr = s0 === NONE ? -1 : st.rcount[s0]!;
  const n0vl = n0 === NONE ? -1 : st.lcount[n0]!;
  out[n++] = mix2(33, s0w, s0vr);
  out[n++] = mix2(34, s0p, s0vr);
  out[n++] = mix2(35, s0w, s0vl);
  out[n++] = mix2(36, s0p, s0vl);
  out[n++] = mix2(37, n0w, n0vl);
  out[n++] = mix2(38, n0p, n0vl);
  // Second-order: heads and children.
  out[n++] = mix1(39, W(x, s0h));
  out[n++] = mix1(40, P(x, s0h));
  out[n++] = mix1(41, L(st, s0));
  out[n++] = mix1(42, W(x, s0l));
  out[n++] = mix1(43, P(x, s0l));
  out[n++] = mix1(44, L(st, s0l));
  out[n++] = mix1(45, W(x, s0r));
  out[n++] = mix1(46, P(x, s0r));
  out[n++] = mix1(47, L(st, s0r));
  out[n++] = mix1(48, W(x, n0l));
  out[n++] = mix1(49, P(x, n0l));
  out[n++] = mix1(50, L(st, n0l));
  // Third-order.
  out[n++] = mix1(51, W(x, s0h2));
  out[n++] = mix1(52, P(x, s0h2));
  out[n++] = mix1(53, L(st, s0h));
  out[n++] = mix1(54, W(x, s0l2));
  out[n++] = mix1(55, P(x, s0l2));
  out[n++] = mix1(56, L(st, s0l2));
  out[n++] = mix1(57, W(x, s0r2));
  out[n++] = mix1(58, P(x, s0r2));
  out[n++] = mix1(59, L(st, s0r2));
  out[n++] = mix1(60, W(x, n0l2));
  out[n++] = mix1(61, P(x, n0l2));
  out[n++] = mix1(62, L(st, n0l2));
  out[n++] = mix3(63, s0p, P(x, s0l), P(x, s0l2));
  out[n++] = mix3(64, s0p, P(x, s0r), P(x, s0r2));
  out[n++] = mix3(65, s0p, P(x, s0h), P(x, s0h2));
  out[n++] = mix3(66, n0p, P(x, n0l), P(x, n0l2));
  // Label sets.
  const s0sl = s0 === NONE ? -1 : st.lset[s0]!;
  const s0sr = s0 === NONE ? -1 : st.rset[s0]!;
  const n0sl = n0 === NONE ? -1 : st.lset[n0]!;
  out[n++] = mix2(67, s0w, s0sr);
  out[n++] = mix2(68, s0p, s0sr);
  out[n++] = mix2(69, s0w, s0sl);
  out[n++] = mix2(70, s0p, s0sl);
  out[n++] = mix2(71, n0w, n0sl);
  out[n++] = mix2(72, n0p, n0sl);
  // Clusters: words the treebank never saw still fall in a known class.
  out[n++] = mix1(73, C(x, s0));
  out[n++] = mix2(76, C(x, s0), C(x, n0));
  out[n++] = mix2(77, C(x, s0), n0p);
  out[n++] = mix2(78, s0p, C(x, n0));
  out[n++] = mix3(79, K(x, s0), K(x, n0), dist);
  out[n++] = mix3(80, K(x, s0), n0p, n1p);
  // The word below the top of the stack, and whether the root has its dependent yet.
  out[n++] = mix2(81, P(x, s1), s0p);
  out[n++] = mix3(82, P(x, s1), s0p, n0p);
  out[n++] = mix2(83, W(x, s1), n0w);
  out[n++] = mix3(84, st.rootDeps, s0 === 0 ? 1 : 0, n0p);
  out[n++] = mix3(85, s0p, n0p, n0 === NONE ? -1 : Math.min(x.n - n0, 6));
  out[n++] = mix3(86, n0w, n1w, s0p);
  return n;
}

/** Writes the features of the arc h → d into `out`; returns how many. */
function arcFeatures(x: ParserInput, st: State, h: number, d: number, out: Int32Array): number {
  const hw = W(x, h);
  const hp = P(x, h);
  const dw = W(x, d);
  const dp = P(x, d);
  const dir = d < h ? 0 : 1;
  const dist = distanceBucket(Math.abs(h - d));
  const dl = st.l1[d]!;
  const dr = st.r1[d]!;
  const hl = st.l1[h]!;
  const hr = st.r1[h]!;
  const hh = h === NONE ? NONE : st.head[h]!;
  const next = d + 1 <= x.n ? d + 1 : NONE;
  const prev = d - 1 >= 1 ? d - 1 : NONE;
  let n = 0;
  out[n++] = mix1(0, dir);
  out[n++] = mix2(1, hw, dir);
  out[n++] = mix2(2, hp, dir);
  out[n++] = mix2(3, dw, dir);
  out[n++] = mix2(4, dp, dir);
  out[n++] = mix3(5, hw, dp, dir);
  out[n++] = mix3(6, hp, dw, dir);
  out[n++] = mix3(7, hp, dp, dir);
  out[n++] = mix3(8, hw, dw, dir);
  out[n++] = mix4(9, hp, dp, dir, dist);
  out[n++] = mix3(10, C(x, h), dp, dir);
  out[n++] = mix3(11, hp, C(x, d), dir);
  // The dependent's own children: its case marker or determiner says obl from obj.
  out[n++] = mix3(12, W(x, dl), dp, hp);
  out[n++] = mix2(13, W(x, dl), dir);
  out[n++] = mix3(14, L(st, dl), dp, dir);
  out[n++] = mix3(15, L(st, dr), dp, dir);
  out[n++] = mix3(16, P(x, dr), dp, dir);
  out[n++] = mix3(17, W(x, st.l2[d]!), W(x, dl), dp);
  out[n++] = mix3(18, dp, d === NONE ? -1 : st.lset[d]!, dir);
  out[n++] = mix3(19, dp, d === NONE ? -1 : st.rset[d]!, dir);
  // The head's other children and its own head.
  out[n++] = mix3(20, hp, L(st, hl), dir);
  out[n++] = mix3(21, hp, W(x, hl), dir);
  out[n++] = mix3(22, hp, L(st, hr), dir);
  out[n++] = mix3(23, hp, h === NONE ? -1 : st.lset[h]!, dp);
  out[n++] = mix3(24, hp, L(st, h), dp);
  out[n++] = mix3(25, hp, P(x, hh), dp);
  // Neighbours of the dependent.
  out[n++] = mix3(26, dp, P(x, next), dir);
  out[n++] = mix3(27, dp, P(x, prev), dir);
  out[n++] = mix3(28, dw, W(x, next), dir);
  out[n++] = mix3(29, dp, W(x, prev), hp);
  out[n++] = mix2(30, h === 0 ? 1 : 0, dp);
  out[n++] = mix4(31, hp, dp, W(x, dl), dir);
  return n;
}

/** The features of the finished arc h → d: the arc's own at its making, and what came after. */
function relabelFeatures(x: ParserInput, st: State, h: number, d: number, out: Int32Array): number {
  let n = arcFeatures(x, st, h, d, out);
  const dp = P(x, d);
  const hp = P(x, h);
  const dir = d < h ? 0 : 1;
  const own = L(st, d);
  out[n++] = mix2(50, own, dir);
  out[n++] = mix3(51, own, hp, dp);
  out[n++] = mix3(52, own, W(x, h), dir);
  out[n++] = mix3(53, own, W(x, st.l1[d]!), dp);
  out[n++] = mix3(54, own, P(x, st.r1[d]!), L(st, st.r1[d]!));
  out[n++] = mix3(55, own, h === NONE ? -1 : st.lset[h]!, h === NONE ? -1 : st.rset[h]!);
  return n;
}

function bestLabel(model: LinearModel, x: ParserInput, st: State, h: number, d: number, features: Int32Array, sums: Int32Array): number {
  const n = arcFeatures(x, st, h, d, features);
  scoreFeatures(model, features, n, sums);
  return argmaxInt(sums, model.classes);
}

export function parserModel(relations: readonly string[], transitions: LinearModel | DenseModel, labels: LinearModel, relabel: LinearModel | null = null): ParserModel {
  return { relations, transitions: 'weights' in transitions ? transitions : toDense(transitions), labels, relabel };
}

export interface ParseResult {
  /** Head per word (index 0 unused), 0 for the root. */
  readonly heads: Int32Array;
  /** Relation id per word (index 0 unused). */
  readonly relations: Int32Array;
}

/** Headless words left on the stack: the first becomes the root if none was chosen, the rest hang from it. */
function finishTree(x: ParserInput, st: State, label: (h: number, d: number) => number): void {
  let root = NONE;
  for (let i = 1; i <= x.n; i++) if (st.head[i] === 0) root = i;
  for (let i = 1; i <= x.n; i++) {
    if (st.head[i] !== NONE) continue;
    if (root === NONE) {
      root = i;
      st.addArc(0, i, label(0, i));
    } else st.addArc(root, i, label(root, i));
  }
}

export function parse(model: ParserModel, x: ParserInput): ParseResult {
  const st = new State(x.n);
  const features = new Int32Array(MAX_FEATURES);
  const labelFeatures = new Int32Array(MAX_LABEL_FEATURES);
  const sums = new Int32Array(4);
  const labelSums = new Int32Array(model.relations.length);
  const label = (h: number, d: number): number => bestLabel(model.labels, x, st, h, d, labelFeatures, labelSums);
  const bufferSums = new Int32Array(4);
  let summedFor = NONE;
  while (!st.terminal) {
    if (st.b !== summedFor) {
      scoreDense4(model.transitions, features, bufferFeatures(x, st.b, features), bufferSums);
      summedFor = st.b;
    }
    const n = stackFeatures(x, st, features, 0);
    scoreDense4(model.transitions, features, n, sums);
    for (let t = 0; t < 4; t++) sums[t]! += bufferSums[t]!;
    let best = -1;
    for (let t = 0; t < 4; t++) if (st.legal(t) && (best === -1 || sums[t]! > sums[best]!)) best = t;
    const s = st.s0;
    const rel = best === LEFT ? label(st.b, s) : best === RIGHT ? label(s, st.b) : NONE;
    st.apply(best, rel);
  }
  finishTree(x, st, label);
  const relations = model.relabel === null ? st.label : relabelTree(model.relabel, x, st, labelFeatures, labelSums);
  return { heads: st.head.map((h, i) => (i === 0 ? 0 : h)), relations };
}

/** Every arc's relation named again on the finished tree; the arc-time labels stay as features. */
function relabelTree(model: LinearModel, x: ParserInput, st: State, features: Int32Array, sums: Int32Array): Int32Array {
  const out = Int32Array.from(st.label);
  for (let d = 1; d <= x.n; d++) {
    const n = relabelFeatures(x, st, st.head[d]!, d, features);
    scoreFeatures(model, features, n, sums);
    out[d] = argmaxInt(sums, model.classes);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Training.

/** Lifts non-projective arcs (the shortest first) to the head's head until the tree is projective. */
export function projectivize(heads: Int32Array): Int32Array {
  const h = Int32Array.from(heads);
  const n = h.length - 1;
  const dominates = (a: number, d: number): boolean => {
    for (let x = d; x !== 0 && x !== NONE; x = h[x]!) if (x === a) return true;
    return a === 0;
  };
  for (let guard = 0; guard < n * n; guard++) {
    let worst = NONE;
    let worstLength = Number.POSITIVE_INFINITY;
    for (let d = 1; d <= n; d++) {
      const head = h[d]!;
      const lo = Math.min(head, d);
      const hi = Math.max(head, d);
      let crossing = false;
      for (let k = lo + 1; k < hi && !crossing; k++) if (!dominates(head, k)) crossing = true;
      if (crossing && hi - lo < worstLength) {
        worst = d;
        worstLength = hi - lo;
      }
    }
    if (worst === NONE) break;
    h[worst] = h[h[worst]!]!;
  }
  return h;
}

function inStack(st: State, k: number): boolean {
  for (let i = 0; i < st.sp; i++) if (st.stack[i] === k) return true;
  return false;
}

/** Arcs of the gold tree a transition makes unreachable (Goldberg & Nivre 2012, arc-eager). */
function cost(st: State, t: number, gold: Int32Array, goldRoot: number): number {
  const s = st.s0;
  const b = st.b;
  const n = st.n;
  let c = 0;
  if (t === SHIFT) {
    for (let i = 0; i < st.sp; i++) {
      const k = st.stack[i]!;
      if (gold[b] === k) c++;
      if (k !== 0 && st.head[k] === NONE && gold[k] === b) c++;
    }
  } else if (t === RIGHT) {
    const g = gold[b]!;
    if (g !== s && (g > b || inStack(st, g))) c++;
    for (let i = 0; i < st.sp; i++) {
      const k = st.stack[i]!;
      if (k !== 0 && st.head[k] === NONE && gold[k] === b) c++;
    }
    if (s === 0 && goldRoot !== b && st.head[goldRoot] === NONE) c++;
  } else if (t === LEFT) {
    if (gold[s]! > b) c++;
    for (let k = b; k <= n; k++) if (gold[k] === s) c++;
  } else {
    for (let k = b; k <= n; k++) if (gold[k] === s) c++;
  }
  return c;
}

export interface ParserExample {
  readonly input: ParserInput;
  /** Gold head per word (index 0 unused), projective. */
  readonly heads: Int32Array;
  readonly relations: Int32Array;
}

export interface ParserTrainOptions {
  readonly relations: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly transitionBits: number;
  readonly labelBits: number;
  /** Probability of following the model's own wrong choice after the first epoch. */
  readonly explore: number;
  /** Trains the finished-tree labeller (ParserModel.relabel) too. */
  readonly relabel: boolean;
  readonly onEpoch?: (epoch: number, model: ParserModel) => void;
}

export function trainParser(examples: readonly ParserExample[], options: ParserTrainOptions): ParserModel {
  const R = options.relations.length;
  const transitions = new PerceptronTrainer(4, options.transitionBits);
  const labels = new PerceptronTrainer(R, options.labelBits);
  const relabel = options.relabel ? new PerceptronTrainer(R, options.labelBits) : null;
  const features = new Int32Array(MAX_FEATURES);
  const labelFeatures = new Int32Array(MAX_LABEL_FEATURES);
  const scores = new Float32Array(4);
  const labelScores = new Float32Array(R);
  const costs = new Int32Array(4);
  const next = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const snapshot = (): ParserModel => parserModel(options.relations, transitions.averaged(1e-3), labels.averaged(1e-3), relabel?.averaged(1e-3) ?? null);
  let model: ParserModel | null = null;

  const labelArc = (x: ParserInput, st: State, h: number, d: number, gold: ParserExample): number => {
    const n = arcFeatures(x, st, h, d, labelFeatures);
    labels.score(labelFeatures, n, labelScores);
    const guess = argmax(labelScores, R);
    if (gold.heads[d] === h) {
      const truth = gold.relations[d]!;
      if (guess !== truth) {
        labels.update(labelFeatures, n, truth, 1);
        labels.update(labelFeatures, n, guess, -1);
      }
      labels.tick();
    }
    return guess;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, next);
    for (const index of order) {
      const example = examples[index]!;
      const x = example.input;
      const gold = example.heads;
      let goldRoot = 1;
      for (let i = 1; i <= x.n; i++) if (gold[i] === 0) goldRoot = i;
      const st = new State(x.n);
      while (!st.terminal) {
        const n = stateFeatures(x, st, features);
        transitions.score(features, n, scores);
        let guess = -1;
        let best = -1;
        for (let t = 0; t < 4; t++) {
          if (!st.legal(t)) continue;
          costs[t] = cost(st, t, gold, goldRoot);
          if (guess === -1 || scores[t]! > scores[guess]!) guess = t;
          if (costs[t] === 0 && (best === -1 || scores[t]! > scores[best]!)) best = t;
        }
        if (best === -1) best = guess;
        if (costs[guess]! > 0) {
          transitions.update(features, n, best, 1);
          transitions.update(features, n, guess, -1);
        }
        transitions.tick();
        const follow = epoch > 1 && costs[guess]! > 0 && next() < options.explore ? guess : best;
        const s = st.s0;
        const rel = follow === LEFT ? labelArc(x, st, st.b, s, example) : follow === RIGHT ? labelArc(x, st, s, st.b, example) : NONE;
        st.apply(follow, rel);
      }
      finishTree(x, st, (h, d) => labelArc(x, st, h, d, example));
      // The finished-tree labeller learns on the parser's own trees and arc-time labels, as it
      // will meet them, from the arcs whose head is right.
      if (relabel !== null) {
        for (let d = 1; d <= x.n; d++) {
          const h = st.head[d]!;
          if (h !== gold[d]) continue;
          const n = relabelFeatures(x, st, h, d, labelFeatures);
          relabel.score(labelFeatures, n, labelScores);
          const guess = argmax(labelScores, R);
          const truth = example.relations[d]!;
          if (guess !== truth) {
            relabel.update(labelFeatures, n, truth, 1);
            relabel.update(labelFeatures, n, guess, -1);
          }
          relabel.tick();
        }
      }
    }
    if (options.onEpoch || epoch === options.epochs) {
      model = snapshot();
      options.onEpoch?.(epoch, model);
    }
  }
  return model ?? snapshot();
}

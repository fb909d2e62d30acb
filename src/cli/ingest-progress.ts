import { statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { IngestStep } from '../pipeline/ingest-files.js';

/*
 * What `dossier ingest` shows while it runs, on stderr (stdout keeps the summary). On a terminal,
 * a bar (cli-progress) with the phase, the file and article in hand, and the time left. Off a
 * terminal (a log, CI), a line now and then, and only once the run has gone on for a while: a
 * short run stays as quiet as before. The time left is the elapsed analysis time scaled by the
 * share of input bytes done, each file counted by its size on disk.
 */

export type IngestPhase = 'loading knowledge' | IngestStep['phase'];

/** Where the run is, as the display sees it. */
export interface ProgressState {
  readonly phase: IngestPhase;
  /** The step in hand (none while the knowledge loads). */
  readonly step: IngestStep | null;
  /** Share of the run done, 0 to 1. */
  readonly fraction: number;
}

export interface IngestProgress {
  knowledgeLoading(): void;
  step(step: IngestStep): void;
  /** Clears the bar (a terminal) so the summary prints on a clean line. */
  stop(): void;
}

/** Each input's size in bytes, 0 when it has none on disk (stdin, a URL). */
export function inputSizes(files: readonly string[]): number[] {
  return files.map((file) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  });
}

/**
 * The share of the run a step stands for: the files before it whole, and this one by its
 * articles, analysed then linked (each counted as half an article's work). Files are weighed by
 * size; when no input has one (stdin, URLs), they count one each.
 */
export function fractionDone(step: IngestStep, sizes: readonly number[]): number {
  const bySize = sizes.some((s) => s > 0);
  const weight = (i: number): number => (bySize ? (sizes[i] ?? 0) : 1);
  let all = 0;
  let before = 0;
  for (let i = 0; i < step.files; i++) {
    all += weight(i);
    if (i < step.fileIndex) before += weight(i);
  }
  if (all === 0) return 0;
  const within = step.total === 0 ? 0 : step.phase === 'analysing' ? step.done / (2 * step.total) : step.phase === 'linking' ? 0.5 + step.done / (2 * step.total) : 0;
  return Math.min(1, (before + weight(step.fileIndex) * within) / all);
}

/** "42 s", "3 min 05 s", "1 h 02 min" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** "analysing 12/40 articles of file 3/22 (reut2-002.sgm)" */
export function describeStep(phase: IngestPhase, step: IngestStep | null): string {
  if (!step) return phase;
  const file = `file ${step.fileIndex + 1}/${step.files} (${step.file.split(/[\\/]/).pop() ?? step.file})`;
  if (step.phase === 'reading') return `reading ${file}`;
  return `${step.phase} ${step.done}/${step.total} articles of ${file}`;
}

/** The time left, from the time the measured part of the run took so far; null before there is anything to go on. */
export function secondsLeft(fraction: number, elapsedSeconds: number): number | null {
  if (fraction <= 0 || elapsedSeconds <= 0) return null;
  return (elapsedSeconds * (1 - fraction)) / fraction;
}

/** One progress line for a log: "ingest: analysing 12/40 articles of file 3/22 (x.sgm), 31% done, about 2 min 10 s left". */
export function progressLine(state: ProgressState, elapsedSeconds: number): string {
  const left = state.phase === 'loading knowledge' ? null : secondsLeft(state.fraction, elapsedSeconds);
  const eta = left === null ? '' : `, about ${formatDuration(left)} left`;
  return `ingest: ${describeStep(state.phase, state.step)}, ${Math.floor(state.fraction * 100)}% done${eta}`;
}

export interface ProgressOptions {
  /** The inputs' sizes (inputSizes). */
  readonly sizes: readonly number[];
  /** Off a terminal: at most one line per this many milliseconds, the first after as long. 0: a line at every step. */
  readonly everyMs: number;
  readonly stream?: NodeJS.WriteStream;
  readonly now?: () => number;
}

/** No display at all (--quiet). */
export const silentProgress: IngestProgress = { knowledgeLoading() {}, step() {}, stop() {} };

/** Periodic lines, for stderr off a terminal. */
export function progressLines(options: ProgressOptions): IngestProgress {
  const now = options.now ?? (() => performance.now());
  const stream = options.stream ?? process.stderr;
  const started = now();
  // The time left is measured from the first step, and again after the knowledge has loaded (at
  // the first new article, maybe past known files): a fixed cost, not a rate.
  let measuredFrom: number | null = null;
  let fraction = 0;
  let lastLine = started;
  const show = (state: ProgressState): void => {
    const t = now();
    if (options.everyMs > 0 && t - lastLine < options.everyMs) return;
    lastLine = t;
    stream.write(`${progressLine(state, (t - (measuredFrom ?? t)) / 1000)}\n`);
  };
  return {
    knowledgeLoading: () => {
      measuredFrom = null;
      show({ phase: 'loading knowledge', step: null, fraction });
    },
    step: (step) => {
      measuredFrom ??= now();
      fraction = fractionDone(step, options.sizes);
      show({ phase: step.phase, step, fraction });
    },
    stop() {},
  };
}

/** The bar, for stderr on a terminal. Its value is the share done in thousandths. */
export function progressBar(options: ProgressOptions): IngestProgress {
  // The time left is ours, not cli-progress's {eta}: its estimate counts from the bar's start,
  // knowledge loading included, which says nothing about the articles still to analyse.
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {percentage}% | {what} | {left}',
      stream: options.stream ?? process.stderr,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const now = options.now ?? (() => performance.now());
  let measuredFrom: number | null = null;
  let value = 0;
  let started = false;
  // Started (and so drawn at once) by the first phase: an update is drawn only at the bar's next
  // frame, and loading the knowledge holds the event loop until it is done.
  const show = (payload: { what: string; left: string }): void => {
    if (started) bar.update(value, payload);
    else bar.start(1000, value, payload);
    started = true;
  };
  return {
    // At the bar's current share (known files may have gone before); the time left is measured again after the load.
    knowledgeLoading: () => {
      measuredFrom = null;
      show({ what: 'loading knowledge', left: 'time left: measuring' });
    },
    step: (step) => {
      measuredFrom ??= now();
      const fraction = fractionDone(step, options.sizes);
      const left = secondsLeft(fraction, (now() - measuredFrom) / 1000);
      value = Math.round(fraction * 1000);
      show({
        what: describeStep(step.phase, step),
        left: left === null ? 'time left: measuring' : `about ${formatDuration(left)} left`,
      });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

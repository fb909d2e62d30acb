import { Script, createContext } from 'node:vm';

/** Node's error for a script that SIGINT ended (vm's `breakOnSigint`). */
const INTERRUPTED = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';

/**
 * A runner that Ctrl-C ends at once, even in the middle of a synchronous computation: a
 * signal's listener runs only when the event loop has a turn, so while one long stage of the
 * pipeline runs, `process.on('SIGINT')` hears nothing until it ends (seconds for a long
 * article). Node's vm can end a script at SIGINT (`breakOnSigint`, a thread that waits for the
 * signal and stops the script where it is); the runner calls `run` from such a script. While it
 * runs, the process's own SIGINT listeners are set aside, so the runner calls `onInterrupted`
 * in their place and throws. Nothing else is needed to stop cleanly: what `run` computes is a
 * pure function's work, dropped whole, and nothing of it was written. SIGTERM has no such
 * thread in Node: it is heard at the next turn of the event loop (between two stages).
 */
export function sigintBreaker(onInterrupted: () => void): <T>(run: () => T) => T {
  // One context for the runner: it holds the function to call and nothing else.
  const context = createContext({ run: undefined as (() => unknown) | undefined });
  const script = new Script('run()', { filename: 'dossier-sigint-breaker' });
  return <T>(run: () => T): T => {
    context.run = run;
    try {
      return script.runInContext(context, { breakOnSigint: true, displayErrors: false }) as T;
    } catch (error) {
      if ((error as { code?: unknown }).code === INTERRUPTED) onInterrupted();
      throw error;
    } finally {
      context.run = undefined;
    }
  };
}

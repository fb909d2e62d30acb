/**
 * Resolves at the first SIGINT or SIGTERM, then stops listening, so a second Ctrl-C gets
 * Node's default (exit now). Long-running commands await it to close cleanly.
 */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

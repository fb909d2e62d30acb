import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/*
 * Ends every `vitest run` with one line saying what was skipped and why, so a missing
 * prerequisite (../shared, chromium, redis-server, PostgreSQL) never passes for a green run.
 * The reason is the note of `ctx.skip(note)` or the `meta.needs` of test/support/prerequisites.ts.
 * With DOSSIER_TEST_SKIPS_FILE set, the skipped tests are also written there as JSON, for
 * scripts/test-suite.mjs to add up both passes and fail when it must.
 */

export interface SkippedTest {
  readonly file: string;
  readonly name: string;
  readonly reason: string;
}

const NO_REASON = 'no reason given (it.skip, .todo, .only elsewhere or a name filter)';

function reasonOf(test: TestCase): string | null {
  const result = test.result();
  if (result.state !== 'skipped') return null;
  return result.note ?? test.meta().needs ?? NO_REASON;
}

/** "skipped: none", or "skipped 24 of 2100 tests: 22 because …; 2 because …", most frequent reason first. */
export function skippedSummary(skipped: readonly SkippedTest[], total: number): string {
  if (skipped.length === 0) return `skipped: none (of ${total} tests)`;
  const byReason = new Map<string, number>();
  for (const s of skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  const reasons = [...byReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} because ${reason}`);
  return `skipped ${skipped.length} of ${total} tests: ${reasons.join('; ')}`;
}

export default class SkippedTestsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: SkippedTest[] = [];
    let total = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        total++;
        const reason = reasonOf(test);
        if (reason) skipped.push({ file: module.relativeModuleId, name: test.fullName, reason });
      }
    }
    process.stdout.write(`\n${skippedSummary(skipped, total)}\n`);
    const file = process.env.DOSSIER_TEST_SKIPS_FILE;
    if (file) writeFileSync(file, `${JSON.stringify({ total, skipped }, null, 2)}\n`);
  }
}

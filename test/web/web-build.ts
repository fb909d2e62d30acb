import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { inject } from 'vitest';

/*
 * The web app built by Vite once per `vitest run` and shared by the browser test files, instead
 * of once per harness (five builds a run, the same files each time). The build lives in the run's
 * folder (test/services/global-setup.ts), so it never outlives the run and never serves a
 * later run stale code. Two files asking at the same moment both build, each into its own
 * folder, and the first to rename its folder into place wins: no lock, no waiting on another
 * process, no half-written build seen.
 */

async function buildInto(outDir: string, root: string): Promise<void> {
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

/** The folder holding the built web app (index.html and assets/), built by the first file that asks in this run. */
export async function builtWebApp(root: string): Promise<string> {
  const runDir = inject('dossierTestRunDir');
  const final = join(runDir, 'web');
  if (existsSync(final)) return final;
  const own = mkdtempSync(join(runDir, 'web-building-'));
  await buildInto(own, root);
  try {
    renameSync(own, final);
  } catch (error) {
    // Another file's build got there first: it is the same app, so use it and drop ours.
    if (!existsSync(final)) throw error;
    rmSync(own, { recursive: true, force: true });
  }
  return final;
}

// Runs the CLI from source in a child process (`node --import tsx test/support/run-cli.ts <args>`),
// for tests that need real processes (signals, workers) without depending on a build.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

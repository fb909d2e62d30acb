// Runs the CLI from source as run-cli.ts does, then prints the process's peak resident memory
// ("peak-rss-kib N" on stderr, from getrusage), for the tests that hold a run to the memory bound.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\n`);

// Preloaded into the CLI's process by the benchmark: reports the process's peak resident set size at exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nTAIZHANG_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});

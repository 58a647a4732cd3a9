// Preloaded into the CLI's process by the benchmark: reports the process's peak resident set size and CPU time at exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nTAIZHANG_PEAK_RSS_KB=${usage.maxRSS}\nTAIZHANG_CPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`);
});

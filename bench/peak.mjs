// Preloaded into the CLI's process by the benchmark: reports the process's peak resident set size and CPU time at exit.
import { readFileSync, writeSync } from 'node:fs';

/**
 * The peak of this process's own memory. getrusage's maxRSS will not do on Linux: a child started by
 * fork and exec keeps the parent's high-water mark from the fork (the kernel carries the old mm's peak
 * into the signal struct at exec), so under a benchmark holding 300 MB every CLI run reported 300 MB.
 * /proc/self/status's VmHWM belongs to the exec'd process alone (worker threads share it).
 */
function peakKB() {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/mu.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: macOS and Windows start a child afresh, and maxRSS is its own.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nTAIZHANG_PEAK_RSS_KB=${peakKB()}\nTAIZHANG_CPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`);
});

// Preloaded into a CLI process (`node --import`) by spawn-cli.ts and the triage bench to report
// what the process cost, written as JSON to the file named by MAX_RSS_FILE at exit: CPU in µs from
// process.resourceUsage(), and the peak resident set size in KB. On Linux the peak is VmHWM of
// /proc/self/status, because getrusage's ru_maxrss survives execve (getrusage(2) "NOTES"): a child
// would report the memory its parent had when it forked. Elsewhere resourceUsage().maxRSS.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  writeFileSync(process.env.MAX_RSS_FILE, JSON.stringify({ ...process.resourceUsage(), maxRSS: peakKb() }));
});

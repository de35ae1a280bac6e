// Preloaded into a CLI process (`node --import`) by spawn-cli.ts and the triage bench to report
// what the process cost: its own process.resourceUsage() (peak RSS in KB, CPU in µs), written to
// the file named by MAX_RSS_FILE at exit, so no /usr/bin/time is needed.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  writeFileSync(process.env.MAX_RSS_FILE, JSON.stringify(process.resourceUsage()));
});

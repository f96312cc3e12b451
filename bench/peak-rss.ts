/**
 * The peak resident set size of this process, in bytes: VmHWM of /proc/self/status on Linux. (Not
 * process.resourceUsage().maxRSS: Linux keeps ru_maxrss across fork and execve, so a process that
 * a large one started would report its parent's peak.)
 */
import { readFileSync } from 'node:fs';

export function peakRss(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

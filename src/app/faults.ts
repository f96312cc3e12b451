/**
 * Fault injection for the crash tests (test/server/crash.test.ts): when the environment variable
 * AMNESTIA_KILL_AT names a point, the process kills itself there (SIGKILL, no clean-up), in the
 * middle of a transaction, to prove that the store then holds the whole change or none of it.
 * Unset in production: the check is one comparison.
 */
export function maybeKill(point: string): void {
  if (process.env['AMNESTIA_KILL_AT'] === point) process.kill(process.pid, 'SIGKILL');
}

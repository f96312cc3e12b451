#!/usr/bin/env node
// Prints the closing lines CI reads from Vitest's JSON report: the skipped count, then the plain
// line "N passed, N failed" alone, last.
// A missing report (the run stopped before Vitest, e.g. at the type check) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest/report.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`skipped: ${skipped}`);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
process.exit(r.numFailedTests === 0 && r.numPassedTests > 0 ? 0 : 1);

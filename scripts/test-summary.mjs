#!/usr/bin/env node
// Prints the plain closing line CI reads, "N passed, N failed, N skipped", from Vitest's JSON report.
// A missing report (the run stopped before Vitest, e.g. at the type check) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest/report.json';
if (!existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
process.exit(r.numFailedTests === 0 && r.numPassedTests > 0 ? 0 : 1);

/** The act commands: validate, evaluate, explain, test. */
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../domain/errors.ts';
import { formatIsoDate, isoDay } from '../domain/dates.ts';
import { render, type Lang } from '../i18n/text.ts';
import { renderMessage } from '../i18n/message.ts';
import { loadLaw, type Law } from '../law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { generateRegistry } from '../registry/synthetic/generate.ts';
import { loadProfile } from '../registry/synthetic/profile.ts';
import { REST_ON } from '../engine/act/doubt.ts';
import { actConformance, findActs, resolveActPath, type CaseResult } from '../engine/act/act-tests.ts';
import { renderTrace } from '../engine/act/explain.ts';
import { loadAct } from '../engine/act/plan.ts';
import { DataFileError, formatLocated, readDataText } from '../domain/located.ts';
import { validateActText } from '../app/acts.ts';
import { explainPerson } from '../app/persons.ts';
import { outcomeRows } from '../app/evaluations.ts';
import { AtomicFile } from '../output/atomic.ts';
import { spreadsheetCell } from '../output/spreadsheet.ts';
import { openRegistry } from './registry-source.ts';
import { CLI_ACTS_TEXTS as T } from '../i18n/cli.ts';

export function sampleRegistry(law: Law) {
  const profile = loadProfile(DEFAULT_PATHS.profile);
  return generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: DEFAULT_SEED });
}

export function validateCommand(actArg: string, opts: { lang: Lang; sample: boolean; asOf?: string }): boolean {
  const law = loadLaw();
  const file = resolveActPath(actArg, DEFAULT_PATHS.acts);
  const checked = validateActText(law, readDataText(file), file, opts.sample ? sampleRegistry(law) : null, opts.asOf ? isoDay(opts.asOf) : undefined);
  // An act that does not compile: every error located, exit code 2 (as every data file with errors).
  if (checked.plan === null) throw new DataFileError(checked.errors);
  const plan = checked.plan;
  const lint = checked;
  for (const w of lint.warnings) process.stdout.write(`${render(T.warning, opts.lang)}: ${formatLocated(w, opts.lang)}\n`);
  for (const [name, p] of Object.entries(plan.parameters)) if (!p.verified) process.stdout.write(`${render(T.unverified, opts.lang, { name, value: p.text, source: p.source })}\n`);
  if (lint.errors.length > 0) {
    process.stderr.write(`${render(T.invalid, opts.lang, { file, n: lint.errors.length })}\n${lint.errors.map((e) => formatLocated(e, opts.lang)).join('\n')}\n`);
    return false;
  }
  process.stdout.write(`${render(T.valid, opts.lang, { file, clauses: plan.clauses.length, exclusions: plan.exclusions.length, definitions: plan.definitions.length })}\n`);
  return true;
}

/** Where output goes: standard output, or a file written atomically (temporary file, then rename). */
type Sink = { write(text: string): Promise<void> | void };
const stdoutSink: Sink = {
  async write(text: string) {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  },
};

export async function evaluateCommand(opts: { act: string; registry?: string; asOf?: string; format: 'jsonl' | 'csv' | 'table'; out?: string; lang: Lang; sheet?: string }): Promise<void> {
  const law = loadLaw();
  const actFile = resolveActPath(opts.act, DEFAULT_PATHS.acts);
  const { plan } = loadAct(actFile, law);
  const file = opts.out ? AtomicFile.open(opts.out, [opts.registry, actFile]) : null;
  try {
    await evaluateInto(file ?? stdoutSink, plan, law, opts);
    file?.commit();
  } catch (e) {
    file?.abort();
    throw e;
  }
}

async function evaluateInto(out: Sink, plan: ReturnType<typeof loadAct>['plan'], law: Law, opts: { registry?: string; asOf?: string; format: 'jsonl' | 'csv' | 'table'; out?: string; lang: Lang; sheet?: string }): Promise<void> {
  const write = (sink: Sink, text: string) => sink.write(text);
  const { registry } = await openRegistry(law, opts.registry, opts.lang, () => undefined, opts.sheet);
  const day = opts.asOf ? isoDay(opts.asOf) : plan.entryIntoForce;
  const columns = ['person_id', 'status', 'measure', 'clause', 'clause_id', 'excluded_by', 'excluded_by_id', 'days_remitted', 'new_end_date', 'reason', 'reasons', 'almost', 'unverified'] as const;
  const { doubts, rows } = outcomeRows(plan, registry, law, day);
  const used = new Set<string>();
  if (opts.format === 'csv') await write(out, stringify([columns as unknown as string[]]));
  const counts = new Map<string, number>();
  for (const { status, unverified, row } of rows) {
    unverified.forEach((k) => used.add(k));
    counts.set(status, (counts.get(status) ?? 0) + 1);
    if (opts.format === 'jsonl') await write(out, `${JSON.stringify(row)}\n`);
    else if (opts.format === 'csv')
      await write(
        out,
        stringify([
          columns.map((c) => {
            const v = row[c];
            if (v === null || v === undefined) return '';
            if (Array.isArray(v)) return spreadsheetCell(v.join(';'));
            if (typeof v === 'object') return spreadsheetCell(JSON.stringify(v));
            return spreadsheetCell(v as string | number | boolean);
          }),
        ]),
      );
    else
      await write(
        out,
        `${String(row.person_id).padEnd(12)} ${String(row.status).padEnd(13)} ${String(row.measure ?? '—').padEnd(16)} ${String(row.clause ?? row.excluded_by ?? '—').padEnd(16)} ${String(row.days_remitted ?? '—').padStart(6)} ${String(row.new_end_date ?? '—').padEnd(10)} ${(row.reasons as string[]).join(',')}${unverified.length > 0 ? ` ?${unverified.length}` : ''}\n`,
      );
  }
  if (opts.format === 'table' || opts.out) {
    process.stderr.write(
      `${render(T.summary, opts.lang, { act: plan.id, persons: registry.size, counts: [...counts].map(([k, v]) => `${k} ${v}`).join(', ') })} (${formatIsoDate(day)})\n`,
    );
    // what the keys in the `unverified` field (the ?n of the table) stand for
    if (used.size > 0) process.stderr.write(`${REST_ON[opts.lang]}:\n${[...used].map((k) => `  ${k}: ${doubts.all.get(k)?.label[opts.lang] ?? k}`).join('\n')}\n`);
  }
}

export async function explainCommand(opts: { act: string; registry?: string; person: string; asOf?: string; lang: Lang; format: 'text' | 'json'; sheet?: string }): Promise<void> {
  const law = loadLaw();
  const { plan } = loadAct(resolveActPath(opts.act, DEFAULT_PATHS.acts), law);
  const { registry } = await openRegistry(law, opts.registry, opts.lang, () => undefined, opts.sheet);
  const explained = explainPerson(law, plan, registry, opts.person, opts.asOf ? isoDay(opts.asOf) : plan.entryIntoForce);
  if (explained === null) throw new UserError(render(T.noPerson, opts.lang, { id: opts.person }));
  const { trace } = explained;
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(trace, (k, v: unknown) => (k === 'fact' && typeof v === 'object' ? undefined : v), 2)}\n`);
  else process.stdout.write(`${renderTrace(trace, plan, opts.lang)}\n`);
}

export function testCommand(acts: string[], opts: { lang: Lang; verbose: boolean }): boolean {
  const law = loadLaw();
  const folders = acts.length > 0 ? acts.map((a) => resolveActPath(a, DEFAULT_PATHS.acts)) : findActs(DEFAULT_PATHS.acts);
  let ok = true;
  let passedAll = 0;
  let failedAll = 0;
  for (const f of folders) {
    const conformance = actConformance(f, law);
    const results: CaseResult[] = conformance.results;
    const passed = results.filter((r) => r.passed).length;
    passedAll += passed;
    failedAll += results.length - passed;
    for (const r of results) {
      if (!r.passed || opts.verbose) process.stdout.write(`${r.passed ? '✓' : '✗'} ${r.act} ${r.file} ${r.id}: ${r.name}\n`);
      for (const m of r.failures) process.stdout.write(`    ${renderMessage(m, opts.lang)}\n`);
    }
    process.stdout.write(`${render(T.testsPassed, opts.lang, { act: results[0]?.act ?? f, passed, total: results.length })}\n`);
    if (passed !== results.length || results.length === 0) ok = false;
    const unreached = [...conformance.unreachedClauses, ...conformance.unreachedExclusions];
    if (unreached.length > 0) {
      process.stdout.write(`${render(T.unreached, opts.lang, { act: conformance.act, rules: unreached.join(', ') })}\n`);
      ok = false;
    }
  }
  process.stdout.write(`${render(T.testsTotal, opts.lang, { passed: passedAll, failed: failedAll })}\n`);
  return ok;
}

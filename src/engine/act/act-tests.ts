/**
 * The tests beside an act (acts/<id>/tests/*.yaml): persons written as registry cells, each with the
 * outcome a lawyer expects. Every case is validated by the data contract, evaluated by both the
 * generated kernel and the reference semantics (which must agree), and compared with its expectation.
 */
import { entryAt } from '../../domain/lookup.ts';
import { readdirSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { formatIsoDate } from '../../domain/dates.ts';
import { DataFileError, parseYamlSource, readDataText, unlocated, validateWith } from '../../domain/located.ts';
import { msg, type Message } from '../../i18n/message.ts';
import type { Law } from '../../law/law.ts';
import { CONTRACT_COLUMNS, type ContractColumn, type PersonRecord } from '../../registry/record.ts';
import { registryOf } from '../../registry/registry.ts';
import { parseRow, rowSchema } from '../../registry/row.ts';
import { compileActKernel } from './kernel.ts';
import { ALMOST_KINDS, outcomeAt, outcomesEqual, REASONS, STATUSES, type Outcome } from './outcome.ts';
import { loadAct, MEASURE_CODES, type Plan } from './plan.ts';
import { evaluatePerson } from './reference.ts';
import { isoDateSchema } from './schema.ts';
import { explain } from './explain.ts';
import { T } from '../condition.ts';

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null(), z.array(z.union([z.string(), z.date()]))]);
const cells = z.partialRecord(z.enum(CONTRACT_COLUMNS), cellValue);

const expectSchema = z.strictObject({
  status: z.enum(STATUSES),
  measure: z.enum(MEASURE_CODES).optional(),
  clause: z.string().nullable().optional(),
  excluded_by: z.string().nullable().optional(),
  days_remitted: z.number().int().nullable().optional(),
  new_end_date: isoDateSchema.nullable().optional(),
  reason: z.enum(REASONS).optional(),
  almost: z
    .strictObject({ kind: z.enum(ALMOST_KINDS), clause: z.string().optional(), criterion: z.number().int().positive().optional(), from: isoDateSchema.optional() })
    .nullable()
    .optional(),
  unknown_facts: z.array(z.string()).optional(),
});

const caseSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1),
  as_of: isoDateSchema.optional(),
  person: cells,
  expect: expectSchema,
});

export const actTestsFileSchema = z.strictObject({
  base: cells.default({}),
  cases: z.array(caseSchema).min(1),
});

export interface CaseResult {
  act: string;
  file: string;
  id: string;
  name: string;
  passed: boolean;
  /** Why the case failed, as messages (rendered in the reader's language by the CLI). */
  failures: Message[];
  outcome: Outcome | null;
  /** What the case proves: the clause that decided it, and every exclusion whose condition held for the person. */
  reached: { clauses: string[]; exclusions: string[] };
}

/** The act's clauses and exclusions (its own and those inherited from the Code) that no case reaches. */
export interface Conformance {
  act: string;
  results: CaseResult[];
  unreachedClauses: string[];
  unreachedExclusions: string[];
}

/**
 * Runs an act's tests and checks that they prove every rule: each clause decides some case, and
 * each exclusion, the Code's inherited ones included, holds for some case (an exclusion listed
 * after another with the same condition holds for the same person though the first one excludes).
 */
export function actConformance(actPath: string, law: Law): Conformance {
  const actFile = actPath.endsWith('.yaml') ? actPath : join(actPath, 'act.yaml');
  const { plan } = loadAct(actFile, law);
  const results = runActTests(actPath, law);
  const clauses = new Set(results.flatMap((r) => r.reached.clauses));
  const exclusions = new Set(results.flatMap((r) => r.reached.exclusions));
  return {
    act: plan.id,
    results,
    unreachedClauses: plan.clauses.map((c) => c.id).filter((id) => !clauses.has(id)),
    unreachedExclusions: plan.exclusions.map((x) => x.id).filter((id) => !exclusions.has(id)),
  };
}

function cellText(v: z.output<typeof cellValue> | undefined): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map((x) => (x instanceof Date ? x.toISOString().slice(0, 10) : x)).join(';');
  return String(v);
}

/** The acts found under a folder: subfolders holding an act.yaml. */
export function findActs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'act.yaml')))
    .map((d) => join(root, d.name))
    .sort();
}

/** Resolves a user's act argument: a folder, an act.yaml, or an id under the acts folder. */
export function resolveActPath(arg: string, actsRoot: string): string {
  if (existsSync(arg) && arg.endsWith('.yaml')) return resolve(arg);
  if (existsSync(join(arg, 'act.yaml'))) return resolve(arg, 'act.yaml');
  if (existsSync(join(actsRoot, arg, 'act.yaml'))) return join(actsRoot, arg, 'act.yaml');
  throw new DataFileError([unlocated(arg, [], msg('act.no_act_here'))]);
}

function nameOf(plan: Plan, o: Outcome): Record<string, unknown> {
  return {
    status: o.status,
    measure: o.measure,
    clause: o.clause >= 0 ? entryAt(plan.clauses, o.clause, 'clause').id : null,
    excluded_by: o.status === 'excluded' && o.exclusion >= 0 ? entryAt(plan.exclusions, o.exclusion, 'exclusion').id : null,
    days_remitted: o.daysRemitted,
    new_end_date: o.newEnd === null ? null : formatIsoDate(o.newEnd),
    reason: o.reason,
    almost: o.almost.kind === 'none' ? null : o.almost,
  };
}

/** Runs the tests of one act folder (or act.yaml). */
export function runActTests(actPath: string, law: Law): CaseResult[] {
  const actFile = actPath.endsWith('.yaml') ? actPath : join(actPath, 'act.yaml');
  const folder = resolve(actFile, '..');
  const { plan } = loadAct(actFile, law);
  const testsDir = join(folder, 'tests');
  const files = existsSync(testsDir) ? readdirSync(testsDir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort() : [];
  const results: CaseResult[] = [];
  const schema = rowSchema(law.criminalCode);
  for (const f of files) {
    const file = join(testsDir, f);
    const { value, map } = parseYamlSource(readDataText(file), file);
    const data = validateWith(actTestsFileSchema, value, map);
    const records: PersonRecord[] = [];
    const pending: { c: (typeof data.cases)[number]; index: number; record: PersonRecord | null; failures: Message[] }[] = [];
    data.cases.forEach((c, k) => {
      const row = Object.fromEntries(CONTRACT_COLUMNS.map((col) => [col, cellText(c.person[col] ?? data.base[col])])) as Record<ContractColumn, string>;
      row.person_id = c.id;
      const parsed = parseRow(schema, row, k + 1);
      const errors = parsed.issues.filter((i) => i.severity === 'error');
      const pos = map.locate(['cases', k]);
      const at = pos ? `${file}:${pos.line}` : file;
      const failures = errors.map((i) => msg('act.test_cell', { at, case: c.id, column: i.column ?? '—', detail: i.message, rule: i.rule }));
      pending.push({ c, index: records.length, record: parsed.record, failures });
      if (parsed.record) records.push(parsed.record);
    });
    const registry = registryOf(law.criminalCode, records);
    const kernel = compileActKernel(plan, law);
    for (const { c, index, record, failures } of pending) {
      if (!record) {
        results.push({ act: plan.id, file: basename(file), id: c.id, name: c.name, passed: false, failures, outcome: null, reached: { clauses: [], exclusions: [] } });
        continue;
      }
      const day0 = c.as_of ?? plan.entryIntoForce;
      const dayLater = day0 + (plan.executionEnd - plan.entryIntoForce);
      const fromKernel = outcomeAt(kernel.run(registry, day0, { start: index, end: index + 1 }), index);
      const fromReference = evaluatePerson(plan, record, law, day0, dayLater);
      if (!outcomesEqual(fromKernel, fromReference))
        failures.push(msg('act.test_disagree', { kernel: JSON.stringify(nameOf(plan, fromKernel)), reference: JSON.stringify(nameOf(plan, fromReference)) }));
      const o = fromReference;
      const e = c.expect;
      const got = nameOf(plan, o);
      const check = (key: string, expected: unknown, actual: unknown) => {
        if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual)) failures.push(msg('act.test_expected', { field: key, expected: JSON.stringify(expected), actual: JSON.stringify(actual) }));
      };
      check('status', e.status, got.status);
      check('measure', e.measure, got.measure);
      check('clause', e.clause, got.clause);
      check('excluded_by', e.excluded_by, got.excluded_by);
      check('days_remitted', e.days_remitted, got.days_remitted);
      check('new_end_date', e.new_end_date === undefined || e.new_end_date === null ? e.new_end_date : formatIsoDate(e.new_end_date), got.new_end_date);
      check('reason', e.reason, got.reason);
      if (e.almost !== undefined) {
        const a = o.almost;
        const actual =
          a.kind === 'none'
            ? null
            : {
                kind: a.kind,
                ...(e.almost?.clause !== undefined ? { clause: plan.clauses[a.clause]?.id } : {}),
                ...(e.almost?.criterion !== undefined ? { criterion: a.criterion + 1 } : {}),
                ...(e.almost?.from !== undefined ? { from: a.from === null ? null : formatIsoDate(a.from) } : {}),
              };
        const expected = e.almost === null ? null : { ...e.almost, ...(e.almost.from !== undefined ? { from: formatIsoDate(e.almost.from) } : {}) };
        check('almost', expected, actual);
      }
      const trace = explain(plan, record, law, day0);
      if (e.unknown_facts !== undefined) check('unknown_facts', [...e.unknown_facts].sort(), [...trace.unknownFacts].sort());
      const reached = {
        clauses: o.clause >= 0 ? [entryAt(plan.clauses, o.clause, 'clause').id] : [],
        exclusions: trace.exclusions.filter((x) => x.truth === T).map((x) => x.id),
      };
      results.push({ act: plan.id, file: basename(file), id: c.id, name: c.name, passed: failures.length === 0, failures, outcome: o, reached });
    }
  }
  return results;
}

/**
 * explain(plan, person, asOf) → trace: every exclusion and clause the decision looked at, each
 * criterion with the person's fact values and its truth, with the law's references — readable in
 * kk, ru and en. Built on the reference semantics, so an explanation cannot disagree with it.
 */
import { entryAt, present } from '../../domain/lookup.ts';
import { actDoubts, outcomeDoubts } from './doubt.ts';
import { formatIsoDate } from '../../domain/dates.ts';
import { type Sex } from '../../domain/enums.ts';
import { BEHAVIOUR_LABELS, CUSTODY_LABELS, GRAVITY_LABELS, INTENT_LABELS, RECIDIVISM_LABELS, SENTENCE_TYPE_LABELS } from '../../i18n/enums.ts';
import { citeRef } from '../../i18n/refs.ts';
import { formatNumber, render, type Lang, type Text } from '../../i18n/text.ts';
import type { Law } from '../../law/law.ts';
import type { PersonRecord } from '../../registry/record.ts';
import { factsUsed, T, U, type Checked, type Truth } from '../condition.ts';
import type { ArgValue, FactDef, FactValue } from '../facts/index.ts';
import { interpret } from '../interpret.ts';
import { describeCondition } from './describe.ts';
import { actEnv, definitionsOf, evaluatePerson, type ActEnv } from './reference.ts';
import type { Outcome } from './outcome.ts';
import { MEASURE_LABELS, type Plan } from './plan.ts';
import { EXPLAIN_SEX as SEX_ONE, EXPLAIN_TEXTS as M } from '../../i18n/act.ts';

export interface FactTrace {
  fact: string;
  label: Text;
  arg: ArgValue | null;
  value: FactValue;
  /** For has_tag / has_article: the convictions that carry it (`189-3?`: a conviction that may carry the tag, the point deciding). */
  convictions: string[];
}

export interface CriterionTrace {
  condition: string;
  truth: Truth;
  facts: FactTrace[];
}

export interface RuleTrace {
  kind: 'exclusion' | 'clause';
  index: number;
  id: string;
  ref: string;
  text: { kk: string; ru: string; en?: string | undefined };
  truth: Truth;
  criteria: CriterionTrace[];
}

export interface Trace {
  act: { id: string; title: Text; hash: string };
  personId: string;
  asOf: number;
  outcome: Outcome;
  /** Facts a decision needed that are unknown for this person. */
  unknownFacts: string[];
  exclusions: RuleTrace[];
  clauses: RuleTrace[];
  serving: boolean;
  /** The unverified inputs the decision rests on (doubt.ts), each with its label in kk, ru and en. */
  unverified: { key: string; kind: string; label: Text }[];
}

function flatten(c: Checked, defs: ReadonlyMap<string, Checked>, seen = new Set<string>()): Checked[] {
  // facts used, looking through definitions
  const out: Checked[] = [c];
  const walk = (x: Checked) => {
    if (x.k === 'def' && !seen.has(x.name)) {
      seen.add(x.name);
      const d = defs.get(x.name);
      if (d) {
        out.push(d);
        walk(d);
      }
    } else if (x.k === 'and' || x.k === 'or') x.items.forEach(walk);
    else if (x.k === 'not' || x.k === 'during') walk(x.item);
  };
  walk(c);
  return out;
}

function factTraces(c: Checked, p: PersonRecord, law: Law, day: number, defs: ReadonlyMap<string, Checked>): FactTrace[] {
  const env = actEnv(law, day);
  const used: { fact: FactDef; arg: ArgValue | null }[] = [];
  for (const part of flatten(c, defs)) factsUsed(part, used);
  return used.map(({ fact, arg }) => {
    const value = fact.reference(p, env, arg);
    let convictions: string[] = [];
    if ((fact.name === 'has_tag' || fact.name === 'has_article') && p.articles !== null) {
      const matching = new Set(fact.name === 'has_article' ? law.criminalCode.matching(String(arg)).map((x) => x.index) : []);
      convictions = p.articles
        .map((a) => entryAt(law.criminalCode.parts, a, 'Criminal Code part'))
        .filter((part) => (fact.name === 'has_tag' ? part.tags.includes(String(arg) as never) || part.maybeTags.includes(String(arg) as never) : matching.has(part.index)))
        .map((part) => (fact.name === 'has_tag' && !part.tags.includes(String(arg) as never) ? `${part.id}?` : part.id));
    }
    return { fact: fact.name, label: fact.label, arg, value: typeof value === 'number' && Number.isNaN(value) ? null : value, convictions };
  });
}

function ruleTrace(kind: 'exclusion' | 'clause', index: number, id: string, ref: string, text: RuleTrace['text'], criteria: Checked[], p: PersonRecord, law: Law, day: number, defs: ReadonlyMap<string, Checked>): RuleTrace {
  const env = actEnv(law, day);
  const cs = criteria.map((c) => ({ condition: describeCondition(c), truth: interpret(c, p, env, defs), facts: factTraces(c, p, law, day, defs) }));
  let truth: Truth = T;
  for (const c of cs) if (c.truth < truth) truth = c.truth;
  return { kind, index, id, ref, text, truth, criteria: cs };
}

/**
 * The unknown facts that leave a condition undecided: those of the undecided leaves reached through
 * undecided connectives only. In `all(sex = F, pregnant)` for a man the `all` is false, so an
 * unrecorded pregnancy does not matter and is not asked for.
 */
export function unknownsThatMatter(c: Checked, p: PersonRecord, env: ActEnv, defs: ReadonlyMap<string, Checked>): string[] {
  if (interpret(c, p, env, defs) !== U) return [];
  switch (c.k) {
    case 'const':
      return [];
    case 'def':
      return unknownsThatMatter(present(defs.get(c.name), `unknown definition ${c.name}`), p, env, defs);
    case 'not':
      return unknownsThatMatter(c.item, p, env, defs);
    case 'during':
      return unknownsThatMatter(c.item, p, { ...env, asOfYmd: env.duringYmd, asOfDay: env.duringDay }, defs);
    case 'and':
    case 'or':
      return c.items.flatMap((x) => unknownsThatMatter(x, p, env, defs));
    default: {
      const v = c.fact.reference(p, env, c.arg);
      const unknown = v === null || (typeof v === 'number' && Number.isNaN(v));
      return unknown ? [c.arg === null ? c.fact.name : `${c.fact.name}(${c.arg})`] : [];
    }
  }
}

export function explain(plan: Plan, p: PersonRecord, law: Law, asOfDay: number = plan.entryIntoForce): Trace {
  const dayLater = asOfDay + (plan.executionEnd - plan.entryIntoForce);
  const outcome = evaluatePerson(plan, p, law, asOfDay, dayLater);
  const defs = definitionsOf(plan);
  const exclusions = plan.exclusions.map((e) => ruleTrace('exclusion', e.index, e.id, e.ref, e.text, e.condition.k === 'and' ? e.condition.items : [e.condition], p, law, asOfDay, defs));
  const clauses = plan.clauses.map((c) => ruleTrace('clause', c.index, c.id, c.ref, c.text, c.criteria, p, law, asOfDay, defs));
  const serving = outcome.reason !== 'not_serving';
  // the decision reads every fact, `during` ones included, on the day of entry into force
  const env = actEnv(law, asOfDay);
  const needed: Checked[] = [];
  if (outcome.status === 'needs_review') {
    if (outcome.clause >= 0) needed.push(...entryAt(plan.clauses, outcome.clause, 'clause').criteria);
    if (outcome.exclusion >= 0) needed.push(entryAt(plan.exclusions, outcome.exclusion, 'exclusion').condition);
  }
  const unknownFacts = [...new Set(needed.flatMap((c) => unknownsThatMatter(c, p, env, defs)))];
  const doubts = actDoubts(plan, law, asOfDay);
  const unverified = outcomeDoubts(doubts, outcome, (p.articles ?? []).map((a) => entryAt(law.criminalCode.parts, a, 'Criminal Code part'))).map((k) => {
    const d = present(doubts.all.get(k), `doubt ${k}: not among the act's doubts`);
    return { key: k, kind: d.kind, label: d.label };
  });
  return { act: { id: plan.id, title: plan.source.title, hash: plan.hash }, personId: p.personId, asOf: asOfDay, outcome, unknownFacts, exclusions, clauses, serving, unverified };
}

// ------------------------------------------------------------------ rendering

const TRUTH_MARK = ['✗', '?', '✓'] as const;

function valueText(f: FactTrace, lang: Lang): string {
  const v = f.value;
  if (v === null) return render(M.unknownValue, lang);
  if (typeof v === 'boolean') return render(v ? M.yes : M.no, lang);
  if (typeof v === 'number') {
    if (['offence_date', 'sentence_start', 'sentence_end'].includes(f.fact)) return formatIsoDate(v);
    return formatNumber(v, lang, 3);
  }
  const labels: Record<string, Record<string, Text>> = {
    gravity: GRAVITY_LABELS,
    custody: CUSTODY_LABELS,
    recidivism: RECIDIVISM_LABELS,
    behaviour: BEHAVIOUR_LABELS,
    intent: INTENT_LABELS,
    sentence_type: SENTENCE_TYPE_LABELS,
  };
  const label = labels[f.fact]?.[v];
  if (label) return label[lang];
  if (f.fact === 'sex') return `${v} (${SEX_ONE[v as Sex]?.[lang] ?? v})`;
  return v;
}

export function renderTrace(t: Trace, plan: Plan, lang: Lang): string {
  const r = (text: Text, params: Record<string, string | number> = {}) => render(text, lang, params);
  const cite = (ref: string) => citeRef(ref)[lang];
  const o = t.outcome;
  const lines = [r(M.heading, { person: t.personId, act: t.act.title[lang] }), r(M.asOf, { date: formatIsoDate(t.asOf) })];
  lines.push(r(M.outcome, { status: r(M[`status_${o.status}`]) }));
  if (!t.serving) lines.push(r(M.notServing));
  if (o.clause >= 0 && o.status !== 'not_covered') {
    const c = entryAt(plan.clauses, o.clause, 'clause');
    lines.push(r(M.clause, { ref: cite(c.ref), id: c.id, measure: MEASURE_LABELS[o.measure][lang] }));
    if (o.daysRemitted !== null) lines.push(r(M.days, { days: o.daysRemitted, end: o.newEnd === null ? '—' : formatIsoDate(o.newEnd) }));
  }
  if (o.exclusion >= 0) {
    const e = entryAt(plan.exclusions, o.exclusion, 'exclusion');
    lines.push(r(o.status === 'excluded' ? M.excludedBy : M.undecidedExclusion, { ref: cite(e.ref), id: e.id }));
  }
  if (t.unknownFacts.length > 0) lines.push(r(M.unknown, { facts: t.unknownFacts.join(', ') }));
  if (o.almost.kind === 'one_short') lines.push(r(M.almostOne, { ref: cite(entryAt(plan.clauses, o.almost.clause, 'clause').ref), n: o.almost.criterion + 1 }));
  if (o.almost.kind === 'later') lines.push(r(M.almostLater, { ref: cite(entryAt(plan.clauses, o.almost.clause, 'clause').ref), date: o.almost.from ? formatIsoDate(o.almost.from) : '—' }));
  if (t.serving) {
    if (t.unverified.length === 0) lines.push(r(M.verifiedOnly));
    else lines.push(r(M.unverified), ...t.unverified.map((d) => `  - ${d.label[lang]}`));
  }
  if (t.serving) {
    const block = (title: Text, rules: RuleTrace[]) => {
      lines.push('', r(title));
      for (const rule of rules) {
        const text = lang === 'en' ? (rule.text.en ?? rule.text.ru) : rule.text[lang];
        lines.push(`${TRUTH_MARK[rule.truth]} ${cite(rule.ref)} (${rule.id}): ${text}`);
        rule.criteria.forEach((c, q) => {
          const facts = c.facts
            .map((f) => {
              const name = f.arg === null ? f.label[lang] : `${f.label[lang]} (${f.arg})`;
              const conv = f.convictions.length > 0 ? `; ${r(M.convictions, { list: f.convictions.join(', ') })}` : '';
              return `${name} = ${valueText(f, lang)}${conv}`;
            })
            .join('; ');
          lines.push(`    ${TRUTH_MARK[c.truth]} ${q + 1}. ${c.condition}${facts ? ` — ${facts}` : ''}`);
        });
      }
    };
    block(M.clauses, t.clauses);
    block(M.exclusions, t.exclusions);
  }
  return lines.join('\n');
}


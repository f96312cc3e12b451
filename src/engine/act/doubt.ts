/**
 * Doubt carried to every figure: which unverified inputs a decision or a figure rests on.
 *
 * An input is verified or an assumption: the act's source (the official text, or a summary), each
 * clause's and exclusion's wording (checked against the official wording, or a paraphrase), each
 * act parameter, each law parameter (law/parameters.yaml `assumption`), each Criminal Code part
 * (`verified`), the facilities file and the registry (synthetic or real). An outcome rests on the
 * inputs of the rule that decided it; a figure rests on the inputs of the outcomes it counts and of
 * the parameters it multiplies by. Every output names them by key, and says them in kk, ru and en
 * (docs/doubt.md).
 *
 * Keys: `act.source`, `text:<rule id>`, `param:<name>`, `law:<name>`, `code:<part id>`,
 * `code-date:<part id>`, `facilities`, `registry`, `rates`.
 */
import { entryAt } from '../../domain/lookup.ts';
import { formatIsoDate } from '../../domain/dates.ts';
import { citeRef } from '../../i18n/refs.ts';
import { DOUBT_TEXTS as D } from '../../i18n/doubt.ts';
import { render, type Lang, type Text } from '../../i18n/text.ts';
import type { ArticlePart } from '../../law/criminal-code.ts';
import type { Law } from '../../law/law.ts';
import type { Outcome } from './outcome.ts';
import type { Plan } from './plan.ts';

/** The kinds of unverified input, in the order reports list them. */
export const DOUBT_KINDS = ['act_source', 'rule_text', 'act_parameter', 'law_parameter', 'code_part', 'registry', 'facilities', 'rates'] as const;
export type DoubtKind = (typeof DOUBT_KINDS)[number];

export interface Doubt {
  key: string;
  kind: DoubtKind;
  /** What the input is and why it is not verified, in the three languages. */
  label: Text;
}

/** The doubts of one act: what every outcome, each clause and each exclusion rests on. */
export interface ActDoubts {
  /** Every doubt of the act by key. */
  all: Map<string, Doubt>;
  /** Keys every covered or excluded outcome rests on (the act's source). */
  act: string[];
  /** Per clause index: its wording, its act and law parameters. */
  clauses: string[][];
  /** Per exclusion index. */
  exclusions: string[][];
}

/** A text of the catalogue rendered in the three languages, keys in the order doubts are stored (en, ru, kk). */
const L = (text: Text, params: (lang: Lang) => Record<string, string> = () => ({})): Text => {
  const r = (lang: Lang) => render(text, lang, params(lang));
  return { en: r('en'), ru: r('ru'), kk: r('kk') };
};

function short(s: string, n = 120): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * The act's doubts, with law parameters read on `day` (a law parameter is an assumption when the
 * value in force that day says so).
 */
export function actDoubts(plan: Plan, law: Law, day: number = plan.entryIntoForce): ActDoubts {
  const all = new Map<string, Doubt>();
  const add = (d: Doubt) => {
    all.set(d.key, d);
    return d.key;
  };
  const act: string[] = [];
  if (!plan.source.source.verified)
    act.push(
      add({
        key: 'act.source',
        kind: 'act_source',
        label: L(D.actSource, () => ({ text: short(plan.source.source.text) })),
      }),
    );
  const paramKey = (name: string): string[] => {
    const p = plan.parameters[name];
    if (!p || p.verified) return [];
    return [
      add({
        key: `param:${name}`,
        kind: 'act_parameter',
        label: L(D.actParameter, () => ({ name, value: p.text })),
      }),
    ];
  };
  const lawKey = (name: string): string[] => lawParameterDoubt(all, law, name, day);
  const textKey = (kind: 'clause' | 'exclusion', id: string, ref: string, verified: boolean, official: { kk: string | null; ru: string | null } | null): string[] => {
    if (verified) return [];
    const fromOther = official !== null && (official.ru !== null || official.kk !== null);
    return [
      add({
        key: `text:${id}`,
        kind: 'rule_text',
        label: (() => {
          const c = citeRef(ref);
          // an official wording is given, but not checked as this act's own (e.g. an earlier law's, said by the press to be the same)
          const cited = (lang: Lang) => ({ ref: c[lang] });
          if (fromOther) return L(kind === 'clause' ? D.officialClause : D.officialExclusion, cited);
          return L(kind === 'clause' ? D.paraphraseClause : D.paraphraseExclusion, cited);
        })(),
      }),
    ];
  };
  // a definition whose wording was not checked (a paraphrase, or an item of the law not seen)
  const defKey = (name: string): string[] => {
    const d = plan.definitions.find((x) => x.name === name);
    if (!d || d.source?.verified === true) return [];
    const what = d.label ?? { en: name, ru: name, kk: name };
    return [
      add({
        key: `text:${name}`,
        kind: 'rule_text',
        label: L(D.definition, (lang) => ({ what: what[lang] })),
      }),
    ];
  };
  const clauses = plan.clauses.map((c) => [
    ...textKey('clause', c.id, c.ref, c.source?.verified === true, c.source?.official ?? null),
    ...c.definitions.flatMap(defKey),
    ...c.parameters.flatMap(paramKey),
    ...c.lawParameters.flatMap(lawKey),
  ]);
  const exclusions = plan.exclusions.map((x) => [
    ...textKey('exclusion', x.id, x.ref, x.source?.verified === true, x.source?.official ?? null),
    ...x.definitions.flatMap(defKey),
    ...x.parameters.flatMap(paramKey),
    ...x.lawParameters.flatMap(lawKey),
  ]);
  return { all, act, clauses, exclusions };
}

/** A law parameter read on a day (its first value before it), when that value is an assumption. */
export function lawParameterDoubt(all: Map<string, Doubt>, law: Law, name: string, day: number): string[] {
  const ps = law.parameters;
  const first = ps.has(name) ? entryAt(ps.get(name).values, 0, `parameter ${name}: first value`) : null;
  const v = first === null ? null : day < first.from ? first : ps.at(name, day);
  if (v === null || !v.assumption) return [];
  const key = `law:${name}`;
  all.set(key, {
    key,
    kind: 'law_parameter',
    label: L(D.lawParameter, () => ({ name, value: String(v.value), from: formatIsoDate(v.from) })),
  });
  return [key];
}

const FIXED: Record<'registry' | 'facilities' | 'rates', Doubt> = {
  registry: {
    key: 'registry',
    kind: 'registry',
    label: L(D.registry),
  },
  facilities: {
    key: 'facilities',
    kind: 'facilities',
    label: L(D.facilities),
  },
  rates: {
    key: 'rates',
    kind: 'rates',
    label: L(D.rates),
  },
};

/** The synthetic registry, the synthetic facilities list, the assumed repeat-offending rates. */
export function fixedDoubt(all: Map<string, Doubt>, key: keyof typeof FIXED): string[] {
  all.set(key, FIXED[key]);
  return [key];
}

/**
 * The unverified Criminal Code parts among a person's convictions, added to the dictionary: a part
 * whose maximum was not read in the Code's text (`code:<id>`), and a conviction read with a wording
 * on an assumed day, its offence falling where the day the amending law took effect is not in a
 * text (`code-date:<id>`, law-data.md "Dates").
 */
export function partDoubts(d: ActDoubts, parts: readonly ArticlePart[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (!p.verified) {
      const key = `code:${p.id}`;
      if (!d.all.has(key))
        d.all.set(key, {
          key,
          kind: 'code_part',
          label: L(D.codePart, () => ({ id: String(p.id), gravity: String(p.gravity) })),
        });
      out.push(key);
    }
    const window = p.dateDoubt;
    if (window !== null) {
      const key = `code-date:${p.id}`;
      if (!d.all.has(key))
        d.all.set(key, {
          key,
          kind: 'code_part',
          // the window's last day is the day before the wording is in force for certain
          label: L(D.codeDate, () => ({ id: String(p.id), gravity: String(p.gravity), from: formatIsoDate(window.from), to: formatIsoDate(window.certain - 1) })),
        });
      out.push(key);
    }
  }
  return out;
}

/**
 * The unverified inputs an outcome rests on: the act's source and the rule that decided it (for a
 * person no clause covers, every clause: each of them was read and found not to apply), and the
 * unverified Criminal Code parts among the person's convictions when they are given. A person not
 * serving rests on the registry's dates only.
 */
export function outcomeDoubts(d: ActDoubts, o: Outcome, parts: readonly ArticlePart[] | null = null): string[] {
  if (o.reason === 'not_serving') return [];
  const keys = new Set<string>(d.act);
  const addAll = (ks: readonly string[] | undefined) => ks?.forEach((k) => keys.add(k));
  if (o.status === 'excluded') addAll(d.exclusions[o.exclusion]);
  else if (o.status === 'not_covered') d.clauses.forEach(addAll);
  else {
    if (o.clause >= 0) addAll(d.clauses[o.clause]);
    if (o.status === 'needs_review' && o.exclusion >= 0) addAll(d.exclusions[o.exclusion]);
  }
  if (parts !== null) addAll(partDoubts(d, parts));
  return [...keys];
}

/** The labels of doubt keys in one language, in the order given. */
export function doubtLabels(d: ReadonlyMap<string, Doubt>, keys: readonly string[], lang: Lang): string[] {
  return keys.map((k) => d.get(k)?.label[lang] ?? k);
}

/** "rests on unverified inputs: …" or "rests on verified inputs only", in one language. */
export function restsOnText(d: ReadonlyMap<string, Doubt>, keys: readonly string[], lang: Lang): string {
  if (keys.length === 0) return REST_VERIFIED[lang];
  return `${REST_ON[lang]}: ${doubtLabels(d, keys, lang).join('; ')}`;
}

export const REST_ON = L(D.restsOn);
export const REST_VERIFIED = L(D.restsVerified);

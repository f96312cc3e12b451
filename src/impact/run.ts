/**
 * One act evaluated for impact analysis: the engine's outcome columns plus the per-person columns
 * every section reads (the kind of measure, whether the person is serving), and the social
 * categories of the registry on the act's day. Pure: no I/O, the day is an argument.
 *
 * Non-null assertions (`!`) left here are reads of the outcomes' columns (typed arrays) at a person
 * index below the registry's size and of the measure table at a code the kernel wrote, in the loop
 * over every person.
 */
import { entryAt } from '../domain/lookup.ts';
import { evaluate } from '../engine/act/evaluate.ts';
import { measureAt, type Outcomes, REASON, STATUS } from '../engine/act/outcome.ts';
import { MEASURE_CODES, type MeasureCode, type Plan } from '../engine/act/plan.ts';
import { T } from '../engine/condition.ts';
import { compileConditions } from '../engine/kernel.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import type { Text } from '../i18n/text.ts';
import { MEASURE_KINDS, type ImpactConfig, type MeasureKind } from './config.ts';
import { calendarPolicy, type CalendarPolicy } from './policy.ts';
import { GROUP_LABELS } from '../i18n/impact/labels.ts';

/** `kind` of a person the act does not cover (not eligible). */
export const UNCOVERED = -1;

export function kindOfMeasure(m: MeasureCode): MeasureKind | null {
  switch (m) {
    case 'none':
      return null;
    case 'release':
    case 'release_from_liability':
      return 'release';
    case 'reduce_unserved':
    case 'reduce_imposed':
    case 'reduce_months':
      return 'reduce';
    case 'replace_milder':
      return 'replace';
    case 'release_additional':
      return 'other';
  }
}

/** Measure code → index in MEASURE_KINDS (or UNCOVERED for `none`). */
export const KIND_OF_MEASURE = Int8Array.from(MEASURE_CODES.map((m) => {
  const k = kindOfMeasure(m);
  return k === null ? UNCOVERED : MEASURE_KINDS.indexOf(k);
}));

export const KIND = { release: 0, reduce: 1, replace: 2, other: 3 } as const satisfies Record<MeasureKind, number>;

export interface ActRun {
  plan: Plan;
  /** The day of entry into force the act was evaluated on. */
  day: number;
  outcomes: Outcomes;
  /** Index in MEASURE_KINDS of the measure applied, or UNCOVERED when the person is not eligible. */
  kind: Int8Array;
  /** 1 when the person serves a punishment on the day (the act can reach them). */
  serving: Uint8Array;
  /** The calendar conventions in force on the day (law/parameters.yaml). */
  calendar: CalendarPolicy;
}

export function runAct(plan: Plan, registry: Registry, law: Law, day: number = plan.entryIntoForce): ActRun {
  return runFromOutcomes(plan, evaluate(plan, registry, law, day), day, law);
}

export function runFromOutcomes(plan: Plan, outcomes: Outcomes, day: number, law: Law): ActRun {
  const n = outcomes.size;
  const kind = new Int8Array(n);
  const serving = new Uint8Array(n);
  const notServing = REASON.not_serving;
  const eligible = STATUS.eligible;
  for (let i = 0; i < n; i++) {
    serving[i] = outcomes.reason[i] === notServing ? 0 : 1;
    kind[i] = outcomes.status[i] === eligible ? KIND_OF_MEASURE[measureAt(outcomes, i)]! : UNCOVERED;
  }
  return { plan, day, outcomes, kind, serving, calendar: calendarPolicy(law.parameters, day) };
}

/** The label of a disparity group: a social category, `any_category` or `no_category`. */
export function groupLabel(categories: Categories, group: string): Text {
  const j = categories.ids.indexOf(group);
  return j >= 0 ? entryAt(categories.labels, j, `label of group ${group}`) : (GROUP_LABELS[group] ?? { kk: group, ru: group, en: group });
}

/** Membership of each social category (1 = the category's condition holds; unknown counts as not). */
export interface Categories {
  ids: string[];
  labels: Text[];
  masks: Uint8Array[];
  /** 1 when the person belongs to at least one category. */
  any: Uint8Array;
}

export function socialCategories(config: ImpactConfig, registry: Registry, law: Law, day: number): Categories {
  const kernel = compileConditions(
    config.socialCategories.map((c) => ({ name: c.id, condition: c.condition })),
    [],
    law.criminalCode,
    law.parameters,
  );
  const out = kernel.run(registry, day);
  const any = new Uint8Array(registry.size);
  const masks = out.map((truths) => {
    const m = new Uint8Array(truths.length);
    for (let i = 0; i < truths.length; i++) if (truths[i] === T) m[i] = any[i] = 1;
    return m;
  });
  return { ids: config.socialCategories.map((c) => c.id), labels: config.socialCategories.map((c) => c.label), masks, any };
}

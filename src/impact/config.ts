/**
 * What impact analysis reads besides the act and the registry, as data: social categories and the
 * victims' condition (reports/impact-kz.yaml), repeat-offending base rates (law/reoffending.yaml)
 * and the names of the dated parameters it prices with (law/parameters.yaml). Every condition is
 * checked against the fact catalogue and every error is located in its file.
 */
import { issueKey } from '../domain/issues.ts';
import { msg } from '../i18n/message.ts';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { GRAVITIES, type Gravity } from '../domain/enums.ts';
import { DataFileError, loadDataFile, type LocatedError, type SourceMap } from '../domain/located.ts';
import type { Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import { checkCondition, locateConditionErrors, type Checked, type ConditionError } from '../engine/condition.ts';

const text = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const parameterName = z.string().regex(/^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/, 'a parameter name like cost.inmate_per_day');
const share = z.number().min(0).max(1);

export const MEASURE_KINDS = ['release', 'reduce', 'replace', 'other'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const impactFileSchema = z.strictObject({
  id: z.string().min(1),
  social_categories: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9_]*$/, issueKey('impact.category_id')), label: text, when: z.unknown() }))
    .min(1),
  victims: z.strictObject({
    ref: text,
    label: text,
    when: z.unknown(),
    applies_to: z.array(z.enum(['release', 'reduce', 'replace', 'other'])).min(1),
  }),
  money: z.strictObject({
    inmate_costs: z.array(parameterName).min(1),
    probation_cost: parameterName,
    letter_cost: parameterName,
    days_per_year: parameterName,
    first_month_days: z.number().int().min(1).max(31),
  }),
  projection: z.strictObject({
    horizon_months: z.number().int().min(1).max(120),
    grant_rate: parameterName,
  }),
  risk: z.strictObject({
    rates: z.string().min(1),
    runs: z.number().int().min(100).max(100_000),
    seed: z.number().int(),
    interval: z.number().gt(0).lt(1),
  }),
});

const stepSchema = z.array(z.strictObject({ at_least: z.number().int().min(0), value: z.number().positive() })).min(1);

export const reoffendingFileSchema = z.strictObject({
  source: z.string().min(1),
  assumption: z.boolean(),
  base_rates: z.strictObject(Object.fromEntries(GRAVITIES.map((g) => [g, z.strictObject({ within_1y: share, within_3y: share })])) as Record<Gravity, z.ZodObject<{ within_1y: typeof share; within_3y: typeof share }>>),
  multipliers: z.strictObject({ prior_convictions: stepSchema, age: stepSchema }),
  max_rate: share,
  uncertainty: z.strictObject({ relative: z.number().min(0).lt(1) }),
});

export type ReoffendingRates = z.output<typeof reoffendingFileSchema>;

export interface SocialCategory {
  id: string;
  label: Text;
  condition: Checked;
}

export interface ImpactConfig {
  file: string;
  id: string;
  socialCategories: SocialCategory[];
  victims: { ref: Text; label: Text; condition: Checked; appliesTo: MeasureKind[] };
  money: z.output<typeof impactFileSchema>['money'];
  projection: z.output<typeof impactFileSchema>['projection'];
  risk: { runs: number; seed: number; interval: number; ratesFile: string; rates: ReoffendingRates };
}


/** Steps must start at 0 and rise, so that every count or age falls in exactly one. */
function checkSteps(steps: { at_least: number }[], path: (string | number)[], map: SourceMap, out: LocatedError[]): void {
  steps.forEach((s, i) => {
    const previous = steps[i - 1];
    if (i === 0 && s.at_least !== 0) out.push(map.error([...path, 0, 'at_least'], msg('impact.first_step_zero')));
    if (previous !== undefined && s.at_least <= previous.at_least) out.push(map.error([...path, i, 'at_least'], msg('impact.steps_rise')));
  });
}

export function loadImpactConfig(path: string, law: Law): ImpactConfig {
  const { data, map } = loadDataFile(impactFileSchema, path);
  const errors: ConditionError[] = [];
  const ctx = { law: law.criminalCode, definitions: new Set<string>() };
  const ids = new Set<string>();
  const located: LocatedError[] = [];
  const socialCategories = data.social_categories.map((c, i) => {
    if (ids.has(c.id)) located.push(map.error(['social_categories', i, 'id'], msg('data.duplicate_id', { id: c.id })));
    ids.add(c.id);
    return { id: c.id, label: c.label, condition: checkCondition(c.when, ['social_categories', i, 'when'], ctx, errors) };
  });
  const victimsCondition = checkCondition(data.victims.when, ['victims', 'when'], ctx, errors);
  located.push(...locateConditionErrors(map, map.file, errors));
  const names: [string, (string | number)[]][] = [
    ...data.money.inmate_costs.map((n, i): [string, (string | number)[]] => [n, ['money', 'inmate_costs', i]]),
    [data.money.probation_cost, ['money', 'probation_cost']],
    [data.money.letter_cost, ['money', 'letter_cost']],
    [data.money.days_per_year, ['money', 'days_per_year']],
    [data.projection.grant_rate, ['projection', 'grant_rate']],
  ];
  for (const [name, at] of names) if (!law.parameters.has(name)) located.push(map.error(at, msg('data.unknown_parameter', { name })));
  if (located.length > 0) throw new DataFileError(located);

  const ratesFile = resolve(dirname(path), data.risk.rates);
  const rates = loadDataFile(reoffendingFileSchema, ratesFile);
  const rateErrors: LocatedError[] = [];
  checkSteps(rates.data.multipliers.prior_convictions, ['multipliers', 'prior_convictions'], rates.map, rateErrors);
  checkSteps(rates.data.multipliers.age, ['multipliers', 'age'], rates.map, rateErrors);
  for (const g of GRAVITIES) {
    const r = rates.data.base_rates[g];
    if (r.within_3y < r.within_1y) rateErrors.push(rates.map.error(['base_rates', g, 'within_3y'], msg('impact.rate_3y_below_1y')));
  }
  if (rateErrors.length > 0) throw new DataFileError(rateErrors);

  return {
    file: path,
    id: data.id,
    socialCategories,
    victims: { ref: data.victims.ref, label: data.victims.label, condition: victimsCondition, appliesTo: data.victims.applies_to },
    money: data.money,
    projection: data.projection,
    risk: { runs: data.risk.runs, seed: data.risk.seed, interval: data.risk.interval, ratesFile, rates: rates.data },
  };
}

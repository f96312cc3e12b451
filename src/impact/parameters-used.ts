/** A dated parameter as a report shows it: the value in force on a day, with its source and unit. */
import { entryAt } from '../domain/lookup.ts';
import { formatIsoDate } from '../domain/dates.ts';
import type { Law } from '../law/law.ts';
import type { ParameterUsed } from './report.ts';

/**
 * The value in force on `day`; when the day comes before the parameter's first value (an older
 * act priced with today's figures), the first value, marked `extrapolated`.
 */
export function parameterUsed(law: Law, name: string, day: number): ParameterUsed {
  const p = law.parameters.get(name);
  const first = entryAt(p.values, 0, `parameter ${name}: first value`);
  const extrapolated = day < first.from;
  const v = extrapolated ? first : law.parameters.at(name, day);
  return { name, label: p.description, value: v.value, unit: p.unit, from: formatIsoDate(v.from), source: v.source, assumption: v.assumption, extrapolated };
}

/** The same parameter with its value replaced by one given for this report, from `day`. */
export function parameterGiven(base: ParameterUsed, value: number, source: string, day: number): ParameterUsed {
  return { ...base, value, source, from: formatIsoDate(day), assumption: true, extrapolated: false };
}

/**
 * Dated, sourced parameters (in the manner of OpenFisca's parameters): each value holds from a
 * date until the next value, and names its source. A value that is not a published figure but a
 * working assumption says so (`assumption: true`), and reports label it as such.
 */
import { msg } from '../i18n/message.ts';
import { z } from 'zod';
import { formatIsoDate } from '../domain/dates.ts';
import { isoDateSchema } from '../domain/date-schema.ts';
import { DataFileError, loadDataFile, type LocatedError } from '../domain/located.ts';
import { UserError } from '../domain/errors.ts';


const textSchema = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

const valueSchema = z.strictObject({
  from: isoDateSchema,
  value: z.number(),
  source: z.string().min(1),
  assumption: z.boolean().default(false),
  note: z.string().optional(),
});

const parameterSchema = z.strictObject({
  description: textSchema,
  unit: z.string().min(1),
  values: z.array(valueSchema).min(1),
});

export const parametersFileSchema = z.strictObject({
  parameters: z.record(z.string().regex(/^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/, 'a parameter name like cost.inmate_per_day'), parameterSchema),
});

export interface ParameterValue {
  /** Day number from which the value holds. */
  from: number;
  value: number;
  source: string;
  assumption: boolean;
  note: string | null;
}

export interface Parameter {
  name: string;
  description: { kk: string; ru: string; en: string };
  unit: string;
  /** Sorted by `from`. */
  values: readonly ParameterValue[];
}

export class ParameterMissing extends UserError {}

export class Parameters {
  private readonly byName: Map<string, Parameter>;

  constructor(parameters: Iterable<Parameter>) {
    this.byName = new Map([...parameters].map((p) => [p.name, p]));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Parameter {
    const p = this.byName.get(name);
    if (!p) throw new ParameterMissing(`unknown parameter ${name}`);
    return p;
  }

  /** The value in force on a day (day number). */
  at(name: string, day: number): ParameterValue {
    const p = this.get(name);
    let found: ParameterValue | undefined;
    for (const v of p.values) if (v.from <= day) found = v;
    const first = p.values[0];
    if (!found) throw new ParameterMissing(`parameter ${name} has no value on ${formatIsoDate(day)} (${first ? `first value from ${formatIsoDate(first.from)}` : 'it has no values'})`);
    return found;
  }

  value(name: string, day: number): number {
    return this.at(name, day).value;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /**
   * The same parameters read as estimates read them (docs/impact.md): a day before a parameter's
   * first value takes the first value instead of failing. Every read is reported to `onRead`
   * (name, day), so that the estimate can list what it rests on and mark what it extrapolated.
   */
  extrapolatingBackwards(onRead: (name: string, day: number) => void = () => undefined): Parameters {
    return new BackwardParameters(this.byName.values(), onRead);
  }
}

class BackwardParameters extends Parameters {
  constructor(
    parameters: Iterable<Parameter>,
    private readonly onRead: (name: string, day: number) => void,
  ) {
    super(parameters);
  }

  override at(name: string, day: number): ParameterValue {
    const p = this.get(name);
    this.onRead(name, day);
    const first = p.values[0];
    return first !== undefined && day < first.from ? first : super.at(name, day);
  }

  override value(name: string, day: number): number {
    return this.at(name, day).value;
  }
}

export function loadParameters(path: string): Parameters {
  const { data, map } = loadDataFile(parametersFileSchema, path);
  const list: Parameter[] = [];
  const errors: LocatedError[] = [];
  for (const [name, p] of Object.entries(data.parameters)) {
    const values = [...p.values].sort((a, b) => a.from - b.from);
    values.forEach((v, i) => {
      if (i > 0 && v.from === values[i - 1]?.from) errors.push(map.error(['parameters', name, 'values', i], msg('law.same_date_twice')));
    });
    list.push({ name, description: p.description, unit: p.unit, values: values.map((v) => ({ ...v, note: v.note ?? null })) });
  }
  if (errors.length > 0) throw new DataFileError(errors);
  return new Parameters(list);
}

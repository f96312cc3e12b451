/**
 * What the Criminal Code forbids an amnesty act to reach (law/amnesty-limits.yaml): Criminal Code of
 * 3 July 2014 No. 226-V, Art. 78 part 2 — "Акт об амнистии не распространяется на лиц, совершивших
 * преступления против половой неприкосновенности несовершеннолетних (…), террористические
 * преступления, экстремистские преступления, пытки, а также наказание которым назначено при
 * рецидиве преступлений или опасном рецидиве преступлений." Every act in force under the Code
 * inherits these exclusions (src/engine/act/plan.ts), whether or not it repeats them.
 */
import { msg } from '../i18n/message.ts';
import { z } from 'zod';
import { isoDateSchema } from '../domain/date-schema.ts';
import { DataFileError, loadDataFile, type LocatedError } from '../domain/located.ts';
import { checkCondition, locateConditionErrors, type Checked, type ConditionError } from '../engine/condition.ts';
import type { Text } from '../i18n/text.ts';
import type { CriminalCode } from './criminal-code.ts';
import type { Parameters } from './parameters.ts';
import { provenanceOf, provenanceSchema, type Provenance } from './provenance.ts';

const textSchema = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

export const amnestyLimitsFileSchema = z.strictObject({
  code: z.string().min(1),
  title: textSchema,
  exclusions: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/),
      ref: z.string().min(1),
      /** The day from which the Code forbids it (the acts in force from then inherit it). */
      from: isoDateSchema,
      to: isoDateSchema.optional(),
      label: textSchema,
      text: textSchema,
      note: z.string().optional(),
      when: z.unknown(),
      source: provenanceSchema,
    }),
  ),
  /** Whether the `from` dates were checked against the amending laws. */
  from_verified: z.boolean(),
});

export interface CodeExclusion {
  id: string;
  ref: string;
  from: number;
  to: number | null;
  label: Text;
  text: Text;
  note: string | null;
  condition: Checked;
  source: Provenance;
  /** Whether the day the Code's rule holds from was checked. */
  fromVerified: boolean;
}

/** The Code's limits on amnesty acts. */
export interface AmnestyLimits {
  file: string;
  exclusions: CodeExclusion[];
}

/** The exclusions an act in force on `day` inherits from the Code. */
export function inheritedExclusions(limits: AmnestyLimits, day: number): CodeExclusion[] {
  return limits.exclusions.filter((x) => x.from <= day && (x.to === null || day < x.to));
}

export function loadAmnestyLimits(path: string, law: CriminalCode, parameters: Parameters): AmnestyLimits {
  const { data, map } = loadDataFile(amnestyLimitsFileSchema, path);
  const errors: ConditionError[] = [];
  const ctx = { law, definitions: new Set<string>(), lawParameters: parameters };
  const exclusions = data.exclusions.map((x, i) => ({
    id: x.id,
    ref: x.ref,
    from: x.from,
    to: x.to ?? null,
    label: x.label,
    text: x.text,
    note: x.note ?? null,
    condition: checkCondition(x.when, ['exclusions', i, 'when'], ctx, errors),
    source: provenanceOf(x.source),
    fromVerified: data.from_verified,
  }));
  const located: LocatedError[] = locateConditionErrors(map, map.file, errors);
  const ids = new Set<string>();
  data.exclusions.forEach((x, i) => {
    if (ids.has(x.id)) located.push(map.error(['exclusions', i, 'id'], msg('act.exclusion_id_twice', { id: x.id })));
    ids.add(x.id);
  });
  if (located.length > 0) throw new DataFileError(located);
  return { file: path, exclusions };
}

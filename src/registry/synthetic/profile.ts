/**
 * A profile of target figures for the synthetic population (see profiles/kz-2025.yaml).
 * Counts are reproduced exactly by the generator; shares and weights approximately.
 */
import { customIssue, issueKey } from '../../domain/issues.ts';
import { msg } from '../../i18n/message.ts';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { CONTRACT_COLUMNS } from '../record.ts';
import { DataFileError, loadDataFile } from '../../domain/located.ts';
import { isoDateSchema } from '../../domain/date-schema.ts';
import { loadParameters } from '../../law/parameters.ts';
import { DEFAULT_PATHS } from '../../paths.ts';

/** A count of persons: a profile larger than a hundred million persons is a mistake (and would not fit in memory). */
const count = z.number().int().min(0).max(100_000_000, issueKey('profile.max_persons'));
const share = z.number().min(0).max(1);
const byCustody = <T extends z.ZodType>(t: T) => z.strictObject({ institution: t, probation: t });
const gravityClasses = z.strictObject({ misdemeanour: count, minor_medium: count, grave_especially_grave: count });

const groupSchema = z
  .strictObject({
    custody: byCustody(count),
    gravity: byCustody(gravityClasses),
    minor_share_of_minor_medium: share,
    especially_grave_share_of_grave: share,
    non_violent: z.strictObject({ count, of_them_minor_medium: count, of_them_first_conviction: count }).optional(),
    first_conviction_share_of_violent: share.optional(),
    violent_share: byCustody(share).optional(),
    prior_conviction_share: byCustody(share).optional(),
    aged_60_plus: byCustody(count).optional(),
    disability_groups: z.strictObject({ '1': count, '2': count, '3': count }).optional(),
    pregnant: count.optional(),
    children_under_3: count.optional(),
    many_children: count.optional(),
    unpaid_claims: count.optional(),
    unpaid_claim_share: share.optional(),
    socially_vulnerable: z
      .strictObject({ disability_1_2: count, veteran: count, disabled_child: count, pensioner: count, single_parent: count })
      .nullable()
      .optional(),
    life_share_of_institution: share.optional(),
    offences: z.record(z.string(), z.number().positive()),
    second_offence_share: share,
  })
  .superRefine((g, ctx) => {
    for (const c of ['institution', 'probation'] as const) {
      const sum = g.gravity[c].misdemeanour + g.gravity[c].minor_medium + g.gravity[c].grave_especially_grave;
      if (sum !== g.custody[c]) ctx.addIssue(customIssue(msg('profile.gravity_sum', { sum, custody: g.custody[c] }), ['gravity', c]));
    }
    if (g.non_violent === undefined && g.violent_share === undefined) ctx.addIssue(customIssue(msg('profile.non_violent_or_share'), []));
    if (g.non_violent !== undefined && g.first_conviction_share_of_violent === undefined)
      ctx.addIssue(customIssue(msg('profile.needed_with_counts'), ['first_conviction_share_of_violent']));
    if (g.non_violent === undefined && g.prior_conviction_share === undefined) ctx.addIssue(customIssue(msg('profile.needed_with_share'), ['prior_conviction_share']));
    if (g.non_violent !== undefined && g.non_violent.of_them_first_conviction > g.non_violent.count)
      ctx.addIssue(customIssue(msg('profile.more_than_count'), ['non_violent', 'of_them_first_conviction']));
    if (g.unpaid_claims === undefined && g.unpaid_claim_share === undefined) ctx.addIssue(customIssue(msg('profile.claims_or_share'), []));
  });

export const profileSchema = z.strictObject({
  id: z.string().min(1),
  title: z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() }),
  as_of: isoDateSchema,
  facilities: z.string().min(1),
  choices: z.array(z.strictObject({ figure: z.string(), letter: z.string(), taken: z.string(), why: z.string() })).default([]),
  women: groupSchema,
  men: groupSchema,
  /**
   * Recidivism as the Criminal Code defines it (Art. 14): only a grave or especially grave crime
   * after imprisonment for a grave (or especially grave) one. Of the previously convicted serving for
   * a grave or especially grave crime: the share whose earlier sentence was such imprisonment, and of
   * those serving for a grave crime, the share in dangerous recidivism (twice before, or an especially
   * grave crime before). Both are assumptions (no published split).
   */
  recidivism: z.strictObject({ prior_grave_imprisonment: share, dangerous_of_grave: share }).default({ prior_grave_imprisonment: 0.5, dangerous_of_grave: 0.3 }),
  missing: z.partialRecord(z.enum(CONTRACT_COLUMNS.filter((c) => c !== 'person_id') as [string, ...string[]]), share).default({}),
});

/**
 * The pension ages on the profile's day, from `pension.age_women_months` and `pension.age_men_months`
 * of law/parameters.yaml, in whole years rounded up (the generator draws ages in years): a person
 * of at least this age is past the pension age.
 */
export interface PensionAges {
  women: number;
  men: number;
}

export type Profile = z.output<typeof profileSchema> & { file: string; facilitiesPath: string; pensionAge: PensionAges };
export type GroupProfile = z.output<typeof groupSchema>;

export function loadProfile(path: string, parametersPath: string = DEFAULT_PATHS.parameters): Profile {
  const { data, map } = loadDataFile(profileSchema, path);
  for (const sex of ['women', 'men'] as const) {
    const g = data[sex];
    if (g.pregnant !== undefined && sex === 'men') throw new DataFileError([map.error(['men', 'pregnant'], msg('profile.men_pregnant'))]);
    if (g.non_violent) {
      const mm = g.gravity.institution.minor_medium + g.gravity.probation.minor_medium;
      if (g.non_violent.of_them_minor_medium > mm) throw new DataFileError([map.error([sex, 'non_violent', 'of_them_minor_medium'], msg('profile.more_than_minor_medium', { n: mm }))]);
    }
  }
  const parameters = loadParameters(parametersPath);
  const years = (name: string) => Math.ceil(parameters.value(name, data.as_of) / 12);
  const pensionAge = { women: years('pension.age_women_months'), men: years('pension.age_men_months') };
  return { ...data, file: path, facilitiesPath: resolve(dirname(path), data.facilities), pensionAge };
}

/** The profile for a population of `persons` instead of its own size: every count scaled, sums kept. */
export function scaleProfile(p: Profile, persons: number): Profile {
  const total = p.women.custody.institution + p.women.custody.probation + p.men.custody.institution + p.men.custody.probation;
  const f = persons / total;
  const r = (n: number) => Math.round(n * f);
  const scaleGroup = (g: GroupProfile): GroupProfile => {
    const custody = { institution: r(g.custody.institution), probation: r(g.custody.probation) };
    const gravity = {
      institution: classes(g.gravity.institution, custody.institution),
      probation: classes(g.gravity.probation, custody.probation),
    };
    const mm = gravity.institution.minor_medium + gravity.probation.minor_medium;
    const all = custody.institution + custody.probation;
    const nv = g.non_violent
      ? (() => {
          const countNv = Math.min(r(g.non_violent.count), all);
          const ofMm = Math.min(r(g.non_violent.of_them_minor_medium), mm, countNv);
          const restCap = all - mm;
          return { count: Math.min(countNv, ofMm + restCap), of_them_minor_medium: ofMm, of_them_first_conviction: Math.min(r(g.non_violent.of_them_first_conviction), countNv) };
        })()
      : undefined;
    const opt = (n: number | undefined) => (n === undefined ? undefined : r(n));
    return {
      ...g,
      custody,
      gravity,
      non_violent: nv,
      aged_60_plus: g.aged_60_plus ? { institution: Math.min(r(g.aged_60_plus.institution), custody.institution), probation: Math.min(r(g.aged_60_plus.probation), custody.probation) } : undefined,
      disability_groups: g.disability_groups ? { '1': r(g.disability_groups['1']), '2': r(g.disability_groups['2']), '3': r(g.disability_groups['3']) } : undefined,
      pregnant: opt(g.pregnant),
      children_under_3: opt(g.children_under_3),
      many_children: opt(g.many_children),
      unpaid_claims: g.unpaid_claims === undefined ? undefined : Math.min(r(g.unpaid_claims), all),
      socially_vulnerable: g.socially_vulnerable
        ? {
            disability_1_2: r(g.socially_vulnerable.disability_1_2),
            veteran: r(g.socially_vulnerable.veteran),
            disabled_child: r(g.socially_vulnerable.disabled_child),
            pensioner: r(g.socially_vulnerable.pensioner),
            single_parent: r(g.socially_vulnerable.single_parent),
          }
        : g.socially_vulnerable,
    };
  };
  const women = scaleGroup(p.women);
  const men = scaleGroup(p.men);
  // Rounding may leave the total a person or two off: the difference goes to men on probation.
  const diff = persons - (women.custody.institution + women.custody.probation + men.custody.institution + men.custody.probation);
  if (diff !== 0 && men.custody.probation + diff >= 0) {
    const g = { ...men.gravity.probation };
    let left = diff;
    for (const k of ['grave_especially_grave', 'minor_medium', 'misdemeanour'] as const) {
      const take = Math.max(-g[k], left);
      g[k] += take;
      left -= take;
      if (left === 0) break;
    }
    men.custody = { ...men.custody, probation: men.custody.probation + diff };
    men.gravity = { ...men.gravity, probation: g };
  }
  return { ...p, women, men };
}

function classes(c: { misdemeanour: number; minor_medium: number; grave_especially_grave: number }, total: number) {
  const sum = c.misdemeanour + c.minor_medium + c.grave_especially_grave;
  if (sum === 0) return { misdemeanour: 0, minor_medium: 0, grave_especially_grave: total };
  const misdemeanour = Math.round((c.misdemeanour / sum) * total);
  const minor_medium = Math.min(total - misdemeanour, Math.round((c.minor_medium / sum) * total));
  return { misdemeanour, minor_medium, grave_especially_grave: total - misdemeanour - minor_medium };
}

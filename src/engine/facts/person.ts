/** Facts about the person: sex, age, date of birth, disability, veteran and pensioner status. */
import { dayOfYmd } from '../../domain/dates.ts';
import { SEX_ALIASES, SEXES, VETERAN_KINDS } from '../../domain/enums.ts';
import { floorDiv } from '../sql/expressions.ts';
import { boolFact, enumFact, nanIfNull, UNKNOWN_DATE_LIT } from './kit.ts';
import type { FactDefinition } from './types.ts';

/** Age in completed years on a date; a person born on 29 February ages on 1 March in a common year. */
function ageOn(birthYmd: number | null, asOfYmd: number): number | null {
  return birthYmd === null ? null : Math.floor((asOfYmd - birthYmd) / 10000);
}

/** Completed months from a birth date to a date, both YYYYMMDD. */
function ageMonthsOn(birthYmd: number, asOfYmd: number): number {
  const months = (ymd: number) => Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100);
  return months(asOfYmd) - months(birthYmd) - (asOfYmd % 100 < birthYmd % 100 ? 1 : 0);
}

export const PERSON_FACTS = {
  sex: enumFact('sex', 'sex', SEXES, 'f.sex', ['sex = F', 'sex != M', 'sex in [Ж]', 'sex not in [F]', 'sex is unknown'], { aliases: SEX_ALIASES }),

  age: {
    type: { kind: 'number', unit: 'years' },
    columns: ['birthYmd'],
    kernel: (ctx) => `(${ctx.col('birthYmd')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : Math.floor((${ctx.asOfYmd} - ${ctx.col('birthYmd')}[i]) / 10000))`,
    reference: (p, env) => ageOn(p.birthYmd, env.asOfYmd),
    sql: (c) => `FLOOR((${c.ymd} - f.birth_ymd) / 10000.0)`,
    leaves: ['age >= 50', 'age < 18', 'age = 40', 'age > 59', 'age <= 30', 'age != 40', 'age in [30, 40, 50]', 'age is known', 'age >= law.family.child_age_limit'],
  },

  // completed months of age, counted as ages are: a month is completed on the same day number
  // of a later month (born on 29 February: 12 × N months on 1 March of a common year)
  age_months: {
    type: { kind: 'number', unit: 'months' },
    columns: ['birthYmd'],
    kernel: (ctx) => {
      const b = `${ctx.col('birthYmd')}[i]`;
      const a = ctx.asOfYmd;
      return `(${b} === ${UNKNOWN_DATE_LIT} ? NaN : (Math.floor(${a} / 10000) * 12 + Math.floor(${a} / 100) % 100) - (Math.floor(${b} / 10000) * 12 + Math.floor(${b} / 100) % 100) - ((${a} % 100 < ${b} % 100) * 1))`;
    },
    reference: (p, env) => (p.birthYmd === null ? null : ageMonthsOn(p.birthYmd, env.asOfYmd)),
    sql: (c) =>
      `((${floorDiv(c.ymd, '10000')} * 12 + ${floorDiv(c.ymd, '100')} % 100) - (${floorDiv('f.birth_ymd', '10000')} * 12 + ${floorDiv('f.birth_ymd', '100')} % 100) - (CASE WHEN (${c.ymd}) % 100 < f.birth_ymd % 100 THEN 1 ELSE 0 END))`,
    leaves: ['age_months >= law.pension.age_women_months', 'age_months < 723'],
  },

  // A date fact compared with absolute dates as a day number, and with dates relative to the day
  // facts are read on as YYYYMMDD: `birth_date < day - 60y` — older than 60, strictly.
  birth_date: {
    type: { kind: 'date' },
    columns: ['birthYmd'],
    kernel: (ctx) => `(${ctx.col('birthYmd')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.helper('dayOfYmd')}(${ctx.col('birthYmd')}[i]))`,
    reference: (p) => (p.birthYmd === null ? null : dayOfYmd(p.birthYmd)),
    sql: () =>
      `(CASE WHEN f.birth_ymd IS NULL THEN NULL ELSE CAST(MAKE_DATE(CAST(${floorDiv('f.birth_ymd', '10000')} AS INTEGER), CAST(${floorDiv('f.birth_ymd', '100')} % 100 AS INTEGER), CAST(f.birth_ymd % 100 AS INTEGER)) - DATE '1970-01-01' AS INTEGER) END)`,
    ymd: {
      kernel: (ctx) => `(${ctx.col('birthYmd')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.col('birthYmd')}[i])`,
      reference: (p) => p.birthYmd,
      sql: () => 'f.birth_ymd',
    },
    leaves: ['birth_date < day - 60y', 'birth_date <= day - 18y', 'birth_date > day - 50y6m', 'birth_date >= 1965-07-05'],
  },

  disability_group: {
    type: { kind: 'number', unit: 'group' },
    columns: ['disabilityGroup'],
    kernel: (ctx) => `(${ctx.col('disabilityGroup')}[i] < 0 ? NaN : ${ctx.col('disabilityGroup')}[i])`,
    kernelInt: (ctx) => `${ctx.col('disabilityGroup')}[i]`,
    reference: (p) => nanIfNull(p.disabilityGroup),
    sql: () => 'f.disability_group',
    leaves: ['disability_group in [1, 2]', 'disability_group > 0'],
  },

  veteran: boolFact('veteran', 'veteran', 'f.veteran', ['veteran']),
  veteran_kind: enumFact('veteranKind', 'veteranKind', VETERAN_KINDS, 'f.veteran_kind', ['veteran_kind = wwii', 'veteran_kind in [equated_wwii, combat]', 'veteran_kind is unknown']),
  pensioner: boolFact('pensioner', 'pensioner', 'f.pensioner', ['pensioner']),
} satisfies Record<string, FactDefinition>;

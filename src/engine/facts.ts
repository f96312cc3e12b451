/**
 * The catalogue of facts about a person as of a date — the vocabulary of conditions and acts.
 *
 * Every fact has two independent implementations:
 * - `emit`: a JavaScript expression over the registry's typed columns, used by the generated
 *   kernel (built only from this file's fixed column names, operators and numeric constants);
 * - `value`: a plain computation over one person's record, used by the reference interpreter.
 * Property tests hold the two to the same answers.
 *
 * In emitted code unknown is NaN for numbers and -1 for enumerations and booleans. A comparison
 * that makes a boolean is written `(x === y) * 1`, not `x === y ? 1 : 0`: V8 compiles the
 * conditional into a jump, which the data of a registry makes unpredictable (src/engine/kernel.ts).
 */
import {
  BEHAVIOURS,
  CUSTODIES,
  DISABLED_CHILD_GROUP_ALIASES,
  DISABLED_CHILD_GROUPS,
  GRAVITIES,
  GRAVITY_ALIASES,
  CUSTODY_ALIASES,
  INTENTS,
  RECIDIVISMS,
  SENTENCE_TYPES,
  SEXES,
  TAGS,
  VETERAN_KINDS,
  type Tag,
} from '../domain/enums.ts';
import { dayOfYmd, UNKNOWN_DATE, ymdOfDay } from '../domain/dates.ts';
import { addTerm, formatTerm, termBetween, type Fraction, type Term } from '../domain/terms.ts';
import { imposedTermSign, remainingTermSign, sentenceTerm, servedFractionSign, servedTermSign, UNKNOWN_SIGN } from './calendar.ts';
import type { Text } from '../i18n/text.ts';
import { MAYBE_SHIFT, type CriminalCode } from '../law/criminal-code.ts';
import type { Parameters } from '../law/parameters.ts';
import type { PersonRecord } from '../registry/record.ts';
import type { ColumnName } from '../registry/registry.ts';

export type FactType =
  | { kind: 'boolean' }
  | { kind: 'number'; unit: string }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[]; ordered: boolean; aliases?: Record<string, string> }
  | { kind: 'string' }
  /** A term in calendar units (months and days), compared with terms like 3y, 1y6m, 10d. */
  | { kind: 'term' };

/** The argument a parametric fact takes: `children_under(3)`, `has_tag(corruption)`, `has_article(188-2)`. */
export type FactArg = { kind: 'number'; min: number; max: number } | { kind: 'tag' } | { kind: 'article' };

export type ArgValue = number | string;

/** What emitted code may refer to: columns, the evaluation date, parameters and bound constants. */
export interface EmitContext {
  /** The local variable holding a column (registers the column as read). */
  col(name: ColumnName): string;
  /** The local variable holding the ymd / day number of the evaluation date. */
  readonly asOfYmd: string;
  readonly asOfDay: string;
  /** A numeric literal, checked finite. */
  num(value: number): string;
  /** A parameter's value in force on the evaluation date, as a literal. */
  param(name: string): string;
  /** A Uint8Array constant (a set of article parts), bound at run time; returns its variable. */
  set(values: Uint8Array): string;
  /** A helper function from the kernel's fixed library. */
  helper(name: HelperName): string;
}

/** The kernel's fixed library of helpers (src/engine/kernel.ts). */
export type HelperName = 'hasArticle' | 'childrenUnder' | 'ymdOfDay' | 'dayOfYmd' | 'servedFractionSign' | 'imposedTermSign' | 'servedTermSign' | 'remainingTermSign' | 'relativeDateSign';

/** What the reference interpreter knows besides the person. */
export interface FactEnv {
  asOfYmd: number;
  asOfDay: number;
  /** The day facts under `during: execution_period` are read on (default: asOf). */
  duringYmd?: number;
  duringDay?: number;
  /** The day law parameters are read on: the day of entry into force, also inside `during` (default: asOfDay). */
  paramDay?: number;
  law: CriminalCode;
  parameters: Parameters;
}

export type FactValue = number | string | boolean | null;

export interface FactDef {
  name: string;
  type: FactType;
  arg?: FactArg;
  label: Text;
  /** Registry columns the fact reads. */
  columns: readonly ColumnName[];
  emit(ctx: EmitContext, arg: ArgValue | null, law: CriminalCode): string;
  value(p: PersonRecord, env: FactEnv, arg: ArgValue | null): FactValue;
  /**
   * served_fraction: the sign of (part served − fraction) on the calendar (src/domain/terms.ts),
   * -2 when unknown — used for every comparison of the fact, instead of the ratio `value` shows.
   */
  fractionSign?: { emit(ctx: EmitContext, f: Fraction): string; value(p: PersonRecord, env: FactEnv, f: Fraction): number };
  /** Term facts: the sign of (fact − term) in calendar units, -2 when unknown. */
  termSign?: { emit(ctx: EmitContext, t: Term): string; value(p: PersonRecord, env: FactEnv, t: Term): number };
  /** Date facts: the date as YYYYMMDD, for comparisons with dates relative to the day (NaN / null unknown). */
  ymd?: { emit(ctx: EmitContext): string; value(p: PersonRecord): number | null };
  /**
   * Boolean facts: the truth in the kernel's bits (F 0, U 1, T 3; src/engine/kernel.ts) directly,
   * without branches, where `emit`'s -1 / 0 / 1 would need them.
   */
  emitW?(ctx: EmitContext, arg: ArgValue | null, law: CriminalCode): string;
  /** has_tag: the bits of the tag mask the fact reads (certain and maybe), for one mask test over many tags. */
  tagBits?(arg: ArgValue | null): number;
}

/** The parameter day of an environment: the day of entry into force. */
export const paramDayOf = (env: FactEnv): number => env.paramDay ?? env.asOfDay;

const ymdFrom = (ymd: number, years: number) => ymd - years * 10000;
const nanIfNull = (v: number | null) => (v === null ? null : v);

const boolFact = (name: string, column: ColumnName, field: keyof PersonRecord, label: Text): FactDef => ({
  name,
  type: { kind: 'boolean' },
  label,
  columns: [column],
  emit: (ctx) => `${ctx.col(column)}[i]`,
  value: (p) => p[field] as boolean | null,
});

const enumFact = (name: string, column: ColumnName, field: keyof PersonRecord, values: readonly string[], label: Text, ordered = false, aliases?: Record<string, string>): FactDef => ({
  name,
  type: aliases ? { kind: 'enum', values, ordered, aliases } : { kind: 'enum', values, ordered },
  label,
  columns: [column],
  emit: (ctx) => `${ctx.col(column)}[i]`,
  value: (p) => p[field] as string | null,
});

/** Age in completed years on a date; a person born on 29 February ages on 1 March in a common year. */
function ageOn(birthYmd: number | null, asOfYmd: number): number | null {
  return birthYmd === null ? null : Math.floor((asOfYmd - birthYmd) / 10000);
}

/** The share of the sentence's term (laid on the calendar) served on a day, for explanations. */
function servedShare(p: PersonRecord, day: number): number | null {
  if (p.sentenceStartDay === null) return null;
  const t = sentenceTerm(p.sentenceStartDay, p.sentenceEndDay ?? UNKNOWN_DATE, p.imposedTermMonths ?? -1, p.imposedTermDays ?? -1);
  if (t === null) return null;
  const length = addTerm(p.sentenceStartDay, t) - p.sentenceStartDay;
  if (length <= 0) return null;
  return Math.min(1, Math.max(0, day - p.sentenceStartDay) / length);
}

/** Completed months from a birth date to a date, both YYYYMMDD. */
function ageMonthsOn(birthYmd: number, asOfYmd: number): number {
  const months = (ymd: number) => Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100);
  return months(asOfYmd) - months(birthYmd) - (asOfYmd % 100 < birthYmd % 100 ? 1 : 0);
}

function childrenUnder(p: PersonRecord, years: number, asOfYmd: number): number | null {
  if (p.childrenBirthYmd === null) return null;
  // A child is under N on the date when born after the same calendar day N years earlier (and already born).
  return p.childrenBirthYmd.filter((c) => c <= asOfYmd && c > ymdFrom(asOfYmd, years)).length;
}

function unpaidClaim(p: PersonRecord): number | null {
  if (p.civilClaimAmount === null) return null;
  if (p.civilClaimAmount === 0) return 0;
  if (p.civilClaimPaid === null) return null;
  return p.civilClaimAmount - p.civilClaimPaid;
}

const UNKNOWN_DATE_LIT = String(UNKNOWN_DATE);

/** A date fact over a day-number column: compared as a day number, and as YYYYMMDD with relative dates. */
function dateFact(name: string, column: ColumnName, field: 'offenceDay' | 'sentenceStartDay' | 'sentenceEndDay', label: Text): FactDef {
  return {
    name,
    type: { kind: 'date' },
    label,
    columns: [column],
    emit: (ctx) => `(${ctx.col(column)}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.col(column)}[i])`,
    value: (p) => p[field],
    ymd: {
      emit: (ctx) => `(${ctx.col(column)}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.helper('ymdOfDay')}(${ctx.col(column)}[i]))`,
      value: (p) => (p[field] === null ? null : ymdOfDay(p[field])),
    },
  };
}

function articleSet(law: CriminalCode, ref: string): Uint8Array {
  const set = new Uint8Array(law.size);
  for (const p of law.matching(ref)) set[p.index] = 1;
  return set;
}

function tagIndexOf(tag: string): number {
  return TAGS.indexOf(tag as Tag);
}

const L = (en: string, ru: string, kk: string): Text => ({ en, ru, kk });

export const FACTS: readonly FactDef[] = [
  enumFact('sex', 'sex', 'sex', SEXES, L('sex', 'пол', 'жынысы'), false, { Ж: 'F', М: 'M', Ә: 'F', Е: 'M' }),
  {
    name: 'age',
    type: { kind: 'number', unit: 'years' },
    label: L('age in completed years', 'возраст (полных лет)', 'жасы (толық жыл)'),
    columns: ['birthYmd'],
    emit: (ctx) => `(${ctx.col('birthYmd')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : Math.floor((${ctx.asOfYmd} - ${ctx.col('birthYmd')}[i]) / 10000))`,
    value: (p, env) => ageOn(p.birthYmd, env.asOfYmd),
  },
  {
    // completed months of age, counted as ages are: a month is completed on the same day number
    // of a later month (born on 29 February: 12 × N months on 1 March of a common year)
    name: 'age_months',
    type: { kind: 'number', unit: 'months' },
    label: L('age in completed months', 'возраст (полных месяцев)', 'жасы (толық ай)'),
    columns: ['birthYmd'],
    emit: (ctx) => {
      const b = `${ctx.col('birthYmd')}[i]`;
      const a = ctx.asOfYmd;
      return `(${b} === ${UNKNOWN_DATE_LIT} ? NaN : (Math.floor(${a} / 10000) * 12 + Math.floor(${a} / 100) % 100) - (Math.floor(${b} / 10000) * 12 + Math.floor(${b} / 100) % 100) - ((${a} % 100 < ${b} % 100) * 1))`;
    },
    value: (p, env) => (p.birthYmd === null ? null : ageMonthsOn(p.birthYmd, env.asOfYmd)),
  },
  enumFact('custody', 'custody', 'custody', CUSTODIES, L('custody', 'вид учёта (ИУ / СП)', 'есепке алу түрі (ТМ / ПҚ)'), false, CUSTODY_ALIASES),
  {
    name: 'facility',
    type: { kind: 'string' },
    label: L('facility', 'учреждение', 'мекеме'),
    columns: ['facility'],
    emit: (ctx) => `${ctx.col('facility')}[i]`,
    value: (p) => p.facility,
  },
  {
    name: 'region',
    type: { kind: 'string' },
    label: L('region', 'регион', 'өңір'),
    columns: ['region'],
    emit: (ctx) => `${ctx.col('region')}[i]`,
    value: (p) => p.region,
  },
  {
    name: 'gravity',
    type: { kind: 'enum', values: GRAVITIES, ordered: true, aliases: GRAVITY_ALIASES },
    label: L('gravity of the gravest offence', 'тяжесть наиболее тяжкого преступления', 'ең ауыр қылмыстың ауырлығы'),
    columns: ['gravity'],
    emit: (ctx) => `${ctx.col('gravity')}[i]`,
    value: (p, env) => {
      if (p.articles === null || p.articles.length === 0) return null;
      let g = 0;
      for (const a of p.articles) g = Math.max(g, GRAVITIES.indexOf(env.law.parts[a]!.gravity));
      return GRAVITIES[g]!;
    },
  },
  {
    name: 'intent',
    type: { kind: 'enum', values: INTENTS, ordered: false },
    label: L('form of guilt (negligent only when every offence is)', 'форма вины (неосторожная — если все деяния неосторожные)', 'кінә нысаны'),
    columns: ['negligent'],
    emit: (ctx) => `${ctx.col('negligent')}[i]`,
    value: (p, env) => {
      if (p.articles === null || p.articles.length === 0) return null;
      return p.articles.every((a) => env.law.parts[a]!.intent === 'negligent') ? 'negligent' : 'intentional';
    },
  },
  {
    name: 'violent',
    type: { kind: 'boolean' },
    label: L('an offence involved violence or its threat', 'преступление связано с насилием или угрозой', 'қылмыс зорлық-зомбылықпен байланысты'),
    columns: ['violent'],
    emit: (ctx) => `${ctx.col('violent')}[i]`,
    value: (p, env) => {
      if (p.articles === null || p.articles.length === 0) return null;
      return p.articles.some((a) => ['yes', 'threat'].includes(env.law.parts[a]!.violent));
    },
  },
  {
    name: 'has_tag',
    type: { kind: 'boolean' },
    arg: { kind: 'tag' },
    label: L('convicted under any article with the tag', 'осуждён по любой статье с признаком', 'белгісі бар кез келген бап бойынша сотталған'),
    columns: ['gravity', 'tagMask'],
    // gravity is -1 exactly when no conviction is recorded: one byte read instead of a flag more
    // bit i: some conviction certainly carries the tag; bit 16 + i: some conviction may (a part whose point decides)
    emit: (ctx, arg) =>
      `(${ctx.col('gravity')}[i] < 0 ? -1 : (${ctx.col('tagMask')}[i] >> ${ctx.num(tagIndexOf(String(arg)))}) & 1 ? 1 : (${ctx.col('tagMask')}[i] >> ${ctx.num(MAYBE_SHIFT + tagIndexOf(String(arg)))}) & 1 ? -1 : 0)`,
    // gravity < 0 (no conviction): U; a certain bit: T; a maybe bit alone: U; else F
    emitW: (ctx, arg) => {
      const g = `${ctx.col('gravity')}[i]`;
      const m = `${ctx.col('tagMask')}[i]`;
      const t = tagIndexOf(String(arg));
      return `((${g} >>> 31) | ((${m} >> ${ctx.num(t)} & 1) * 3 | (${m} >> ${ctx.num(MAYBE_SHIFT + t)} & 1)) & ~(${g} >> 31))`;
    },
    tagBits: (arg) => {
      const t = tagIndexOf(String(arg));
      return ((1 << t) | (1 << (MAYBE_SHIFT + t))) >>> 0;
    },
    value: (p, env, arg) => {
      if (p.articles === null || p.articles.length === 0) return null;
      const tag = String(arg) as Tag;
      if (p.articles.some((a) => env.law.parts[a]!.tags.includes(tag))) return true;
      return p.articles.some((a) => env.law.parts[a]!.maybeTags.includes(tag)) ? null : false;
    },
  },
  {
    name: 'has_article',
    type: { kind: 'boolean' },
    arg: { kind: 'article' },
    label: L('convicted under the article (any part) or the article part', 'осуждён по статье (любой части) или части статьи', 'бап (кез келген бөлігі) немесе бап бөлігі бойынша сотталған'),
    columns: ['articlesKnown', 'articleOffsets', 'articleValues'],
    emit: (ctx, arg, law) =>
      `(${ctx.col('articlesKnown')}[i] === 0 ? -1 : ${ctx.helper('hasArticle')}(${ctx.col('articleOffsets')}, ${ctx.col('articleValues')}, i, ${ctx.set(articleSet(law, String(arg)))}))`,
    value: (p, env, arg) => {
      if (p.articles === null) return null;
      const set = new Set(env.law.matching(String(arg)).map((x) => x.index));
      return p.articles.some((a) => set.has(a));
    },
  },
  {
    name: 'first_conviction',
    type: { kind: 'boolean' },
    label: L('convicted for the first time', 'осуждён впервые', 'алғаш рет сотталған'),
    columns: ['priorConvictions'],
    emit: (ctx) => `(${ctx.col('priorConvictions')}[i] < 0 ? -1 : (${ctx.col('priorConvictions')}[i] === 0) * 1)`,
    value: (p) => (p.priorConvictions === null ? null : p.priorConvictions === 0),
  },
  {
    name: 'prior_convictions',
    type: { kind: 'number', unit: 'convictions' },
    label: L('prior convictions', 'число прежних судимостей', 'бұрынғы сотталғандықтар саны'),
    columns: ['priorConvictions'],
    emit: (ctx) => `(${ctx.col('priorConvictions')}[i] < 0 ? NaN : ${ctx.col('priorConvictions')}[i])`,
    value: (p) => nanIfNull(p.priorConvictions),
  },
  enumFact('recidivism', 'recidivism', 'recidivism', RECIDIVISMS, L('recidivism (Criminal Code Art. 14)', 'рецидив (ст. 14 УК)', 'қылмыстардың қайталануы (ҚК 14-бабы)')),
  enumFact('sentence_type', 'sentenceType', 'sentenceType', SENTENCE_TYPES, L('main punishment', 'основное наказание', 'негізгі жаза')),
  {
    name: 'imposed_term_months',
    type: { kind: 'number', unit: 'months' },
    label: L('term imposed by the court, months', 'назначенный срок, месяцев', 'тағайындалған мерзім, ай'),
    columns: ['imposedTermMonths'],
    emit: (ctx) => `(${ctx.col('imposedTermMonths')}[i] < 0 ? NaN : ${ctx.col('imposedTermMonths')}[i])`,
    value: (p) => nanIfNull(p.imposedTermMonths),
  },
  {
    name: 'term_days',
    type: { kind: 'number', unit: 'days' },
    label: L('term from start to scheduled end, days', 'срок от начала до окончания, дней', 'басталуынан аяқталуына дейінгі мерзім, күн'),
    columns: ['sentenceStartDay', 'sentenceEndDay'],
    emit: (ctx) => {
      const s = `${ctx.col('sentenceStartDay')}[i]`;
      const e = `${ctx.col('sentenceEndDay')}[i]`;
      return `(${s} === ${UNKNOWN_DATE_LIT} || ${e} === ${UNKNOWN_DATE_LIT} ? NaN : ${e} - ${s})`;
    },
    value: (p) => (p.sentenceStartDay === null || p.sentenceEndDay === null ? null : p.sentenceEndDay - p.sentenceStartDay),
  },
  {
    name: 'served_days',
    type: { kind: 'number', unit: 'days' },
    label: L('days served on the date', 'отбыто дней на дату', 'күнге өтелген күндер'),
    columns: ['sentenceStartDay'],
    emit: (ctx) => `(${ctx.col('sentenceStartDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : Math.max(0, ${ctx.asOfDay} - ${ctx.col('sentenceStartDay')}[i]))`,
    value: (p, env) => (p.sentenceStartDay === null ? null : Math.max(0, env.asOfDay - p.sentenceStartDay)),
  },
  {
    // Compared on the calendar: `served_fraction >= 1/3` holds from the day the start plus one
    // third of the term (in months, then days: src/domain/terms.ts) is reached. The term is the
    // one imposed when recorded, otherwise the term from start to scheduled end. The number shown
    // in explanations is the share of the term's days served.
    name: 'served_fraction',
    type: { kind: 'number', unit: 'fraction' },
    label: L('part of the term served on the date', 'отбытая часть срока на дату', 'күнге өтелген мерзім бөлігі'),
    columns: ['sentenceStartDay', 'sentenceEndDay', 'imposedTermMonths', 'imposedTermDays'],
    emit: (ctx) => {
      const s = `${ctx.col('sentenceStartDay')}[i]`;
      const e = `${ctx.col('sentenceEndDay')}[i]`;
      // only `is known` reads this form: known exactly when the sign is
      return `(${ctx.helper('servedFractionSign')}(${s}, ${e}, ${ctx.col('imposedTermMonths')}[i], ${ctx.col('imposedTermDays')}[i], ${ctx.asOfDay}, 0, 1) === ${UNKNOWN_SIGN} ? NaN : 0)`;
    },
    value: (p, env) => servedShare(p, env.asOfDay),
    fractionSign: {
      emit: (ctx, f) =>
        `${ctx.helper('servedFractionSign')}(${ctx.col('sentenceStartDay')}[i], ${ctx.col('sentenceEndDay')}[i], ${ctx.col('imposedTermMonths')}[i], ${ctx.col('imposedTermDays')}[i], ${ctx.asOfDay}, ${ctx.num(f.num)}, ${ctx.num(f.den)})`,
      value: (p, env, f) => servedFractionSign(p.sentenceStartDay ?? UNKNOWN_DATE, p.sentenceEndDay ?? UNKNOWN_DATE, p.imposedTermMonths ?? -1, p.imposedTermDays ?? -1, env.asOfDay, f.num, f.den),
    },
  },
  {
    name: 'imposed_term',
    type: { kind: 'term' },
    label: L('term imposed by the court (years, months, days)', 'назначенный судом срок (лет, месяцев, дней)', 'сот тағайындаған мерзім (жыл, ай, күн)'),
    columns: ['imposedTermMonths', 'imposedTermDays'],
    emit: (ctx) => `(${ctx.col('imposedTermMonths')}[i] < 0 || ${ctx.col('imposedTermDays')}[i] < 0 ? NaN : ${ctx.col('imposedTermMonths')}[i])`,
    value: (p) => (p.imposedTermMonths === null || p.imposedTermDays === null ? null : formatTerm({ months: p.imposedTermMonths, days: p.imposedTermDays })),
    termSign: {
      emit: (ctx, t) => `${ctx.helper('imposedTermSign')}(${ctx.col('imposedTermMonths')}[i], ${ctx.col('imposedTermDays')}[i], ${ctx.num(t.months)}, ${ctx.num(t.days)})`,
      value: (p, _env, t) => imposedTermSign(p.imposedTermMonths ?? -1, p.imposedTermDays ?? -1, t.months, t.days),
    },
  },
  {
    name: 'served_term',
    type: { kind: 'term' },
    label: L('term served on the date (from the start, not past the end)', 'отбытый срок на дату', 'күнге өтелген мерзім'),
    columns: ['sentenceStartDay', 'sentenceEndDay'],
    emit: (ctx) => `(${ctx.col('sentenceStartDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : 0)`,
    value: (p, env) => {
      if (p.sentenceStartDay === null) return null;
      const at = Math.max(p.sentenceStartDay, p.sentenceEndDay !== null && p.sentenceEndDay < env.asOfDay ? p.sentenceEndDay : env.asOfDay);
      return formatTerm(termBetween(p.sentenceStartDay, at));
    },
    termSign: {
      emit: (ctx, t) => `${ctx.helper('servedTermSign')}(${ctx.col('sentenceStartDay')}[i], ${ctx.col('sentenceEndDay')}[i], ${ctx.asOfDay}, ${ctx.num(t.months)}, ${ctx.num(t.days)})`,
      value: (p, env, t) => servedTermSign(p.sentenceStartDay ?? UNKNOWN_DATE, p.sentenceEndDay ?? UNKNOWN_DATE, env.asOfDay, t.months, t.days),
    },
  },
  {
    name: 'remaining_term',
    type: { kind: 'term' },
    label: L('term left to serve on the date', 'оставшийся срок на дату', 'күнге өтеуге қалған мерзім'),
    columns: ['sentenceEndDay'],
    emit: (ctx) => `(${ctx.col('sentenceEndDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : 0)`,
    value: (p, env) => (p.sentenceEndDay === null ? null : formatTerm(termBetween(Math.min(env.asOfDay, p.sentenceEndDay), p.sentenceEndDay))),
    termSign: {
      emit: (ctx, t) => `${ctx.helper('remainingTermSign')}(${ctx.col('sentenceEndDay')}[i], ${ctx.asOfDay}, ${ctx.num(t.months)}, ${ctx.num(t.days)})`,
      value: (p, env, t) => remainingTermSign(p.sentenceEndDay ?? UNKNOWN_DATE, env.asOfDay, t.months, t.days),
    },
  },
  {
    name: 'remaining_days',
    type: { kind: 'number', unit: 'days' },
    label: L('days left to serve on the date', 'осталось отбыть дней на дату', 'күнге өтеуге қалған күндер'),
    columns: ['sentenceEndDay'],
    emit: (ctx) => `(${ctx.col('sentenceEndDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : Math.max(0, ${ctx.col('sentenceEndDay')}[i] - ${ctx.asOfDay}))`,
    value: (p, env) => (p.sentenceEndDay === null ? null : Math.max(0, p.sentenceEndDay - env.asOfDay)),
  },
  {
    name: 'serving',
    type: { kind: 'boolean' },
    label: L('serving a punishment on the date', 'отбывает наказание на дату', 'күнге жазасын өтеп жүр'),
    columns: ['sentenceStartDay', 'sentenceEndDay'],
    // The act engine's own test (docs/acts.md): the term has begun and its end is not reached; a
    // start or end not recorded does not count against it. Never unknown.
    emit: (ctx) => {
      const s = `${ctx.col('sentenceStartDay')}[i]`;
      const e = `${ctx.col('sentenceEndDay')}[i]`;
      return `((${s} === ${UNKNOWN_DATE_LIT} || ${s} <= ${ctx.asOfDay}) && (${e} === ${UNKNOWN_DATE_LIT} || ${e} > ${ctx.asOfDay})) * 1`;
    },
    value: (p, env) => (p.sentenceStartDay === null || p.sentenceStartDay <= env.asOfDay) && (p.sentenceEndDay === null || p.sentenceEndDay > env.asOfDay),
  },
  {
    name: 'age_at_offence',
    type: { kind: 'number', unit: 'years' },
    label: L('age at the time of the offence, completed years', 'возраст на момент совершения преступления', 'қылмыс жасалған кездегі жасы'),
    columns: ['ageAtOffence'],
    emit: (ctx) => `(${ctx.col('ageAtOffence')}[i] < 0 ? NaN : ${ctx.col('ageAtOffence')}[i])`,
    value: (p) => {
      if (p.birthYmd === null || p.offenceDay === null) return null;
      const age = Math.floor((ymdOfDay(p.offenceDay) - p.birthYmd) / 10000);
      // ages outside 0–127 cannot be a person's age at an offence: unknown (the registry validates them)
      return age < 0 || age > 127 ? null : age;
    },
  },
  {
    // A date fact compared with absolute dates as a day number, and with dates relative to the day
    // facts are read on as YYYYMMDD: `birth_date < day - 60y` — older than 60, strictly.
    name: 'birth_date',
    type: { kind: 'date' },
    label: L('date of birth', 'дата рождения', 'туған күні'),
    columns: ['birthYmd'],
    emit: (ctx) => `(${ctx.col('birthYmd')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.helper('dayOfYmd')}(${ctx.col('birthYmd')}[i]))`,
    value: (p) => (p.birthYmd === null ? null : dayOfYmd(p.birthYmd)),
    ymd: { emit: (ctx) => `(${ctx.col('birthYmd')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.col('birthYmd')}[i])`, value: (p) => p.birthYmd },
  },
  dateFact('offence_date', 'offenceDay', 'offenceDay', L('date of the offence', 'дата совершения преступления', 'қылмыс жасалған күн')),
  dateFact('sentence_start', 'sentenceStartDay', 'sentenceStartDay', L('start of the punishment', 'начало срока наказания', 'жаза мерзімінің басталуы')),
  dateFact('sentence_end', 'sentenceEndDay', 'sentenceEndDay', L('scheduled end of the punishment', 'окончание срока наказания', 'жаза мерзімінің аяқталуы')),
  boolFact('pregnant', 'pregnant', 'pregnant', L('pregnancy', 'беременность', 'жүктілік')),
  {
    name: 'children_count',
    type: { kind: 'number', unit: 'children' },
    label: L('children (any age)', 'число детей (любого возраста)', 'балалар саны (кез келген жаста)'),
    columns: ['childrenKnown', 'childOffsets'],
    emit: (ctx) => `(${ctx.col('childrenKnown')}[i] === 0 ? NaN : ${ctx.col('childOffsets')}[i + 1] - ${ctx.col('childOffsets')}[i])`,
    value: (p) => (p.childrenBirthYmd === null ? null : p.childrenBirthYmd.length),
  },
  {
    name: 'children_under',
    type: { kind: 'number', unit: 'children' },
    arg: { kind: 'number', min: 1, max: 30 },
    label: L('children under the age (years) on the date', 'детей младше указанного возраста на дату', 'күнге көрсетілген жастан кіші балалар'),
    columns: ['childrenKnown', 'childOffsets', 'childBirthYmd'],
    emit: (ctx, arg) =>
      `(${ctx.col('childrenKnown')}[i] === 0 ? NaN : ${ctx.helper('childrenUnder')}(${ctx.col('childOffsets')}, ${ctx.col('childBirthYmd')}, i, ${ctx.asOfYmd}, ${ctx.num(Number(arg))}))`,
    value: (p, env, arg) => childrenUnder(p, Number(arg), env.asOfYmd),
  },
  {
    name: 'many_children',
    type: { kind: 'boolean' },
    label: L('parent of many children', 'многодетный родитель', 'көп балалы ата-ана'),
    columns: ['childrenKnown', 'childOffsets', 'childBirthYmd'],
    emit: (ctx) =>
      `(${ctx.col('childrenKnown')}[i] === 0 ? -1 : (${ctx.helper('childrenUnder')}(${ctx.col('childOffsets')}, ${ctx.col('childBirthYmd')}, i, ${ctx.asOfYmd}, ${ctx.param('family.child_age_limit')}) >= ${ctx.param('family.many_children_threshold')}) * 1)`,
    value: (p, env) => {
      const n = childrenUnder(p, env.parameters.value('family.child_age_limit', paramDayOf(env)), env.asOfYmd);
      return n === null ? null : n >= env.parameters.value('family.many_children_threshold', paramDayOf(env));
    },
  },
  boolFact('disabled_child', 'disabledChild', 'disabledChild', L('raises a disabled child', 'воспитывает ребёнка с инвалидностью', 'мүгедек баланы тәрбиелейді')),
  boolFact('parental_rights_deprived', 'parentalRightsDeprived', 'parentalRightsDeprived', L('deprived of parental rights', 'лишён(а) родительских прав', 'ата-ана құқығынан айырылған')),
  {
    name: 'disability_group',
    type: { kind: 'number', unit: 'group' },
    label: L('disability group (0 = none)', 'группа инвалидности (0 — нет)', 'мүгедектік тобы (0 — жоқ)'),
    columns: ['disabilityGroup'],
    emit: (ctx) => `(${ctx.col('disabilityGroup')}[i] < 0 ? NaN : ${ctx.col('disabilityGroup')}[i])`,
    value: (p) => nanIfNull(p.disabilityGroup),
  },
  boolFact('veteran', 'veteran', 'veteran', L('veteran (or equated to one)', 'ветеран (или приравненное лицо)', 'ардагер (немесе теңестірілген адам)')),
  boolFact('pensioner', 'pensioner', 'pensioner', L('pensioner', 'пенсионер', 'зейнеткер')),
  boolFact('single_parent', 'singleParent', 'singleParent', L('single parent', 'единственный родитель (неполная семья)', 'жалғыз ата-ана (толық емес отбасы)')),
  {
    name: 'civil_claim_amount',
    type: { kind: 'number', unit: 'tenge' },
    label: L('civil claim, tenge', 'гражданский иск, тенге', 'азаматтық талап, теңге'),
    columns: ['civilClaimAmount'],
    emit: (ctx) => `${ctx.col('civilClaimAmount')}[i]`,
    value: (p) => p.civilClaimAmount,
  },
  {
    name: 'civil_claim_filed',
    type: { kind: 'boolean' },
    label: L('a civil claim was filed', 'предъявлен гражданский иск', 'азаматтық талап қойылған'),
    columns: ['claimFiled'],
    emit: (ctx) => `${ctx.col('claimFiled')}[i]`,
    value: (p) => (p.civilClaimAmount === null ? null : p.civilClaimAmount > 0),
  },
  {
    name: 'unpaid_claim',
    type: { kind: 'number', unit: 'tenge' },
    label: L('unpaid civil claim, tenge', 'непогашенный иск, тенге', 'өтелмеген талап, теңге'),
    columns: ['civilClaimAmount', 'civilClaimPaid'],
    emit: (ctx) => {
      const a = `${ctx.col('civilClaimAmount')}[i]`;
      const p = `${ctx.col('civilClaimPaid')}[i]`;
      return `(${a} !== ${a} ? NaN : ${a} === 0 ? 0 : ${p} !== ${p} ? NaN : ${a} - ${p})`;
    },
    value: (p) => unpaidClaim(p),
  },
  {
    name: 'has_unpaid_claim',
    type: { kind: 'boolean' },
    label: L('owes an unpaid civil claim', 'имеет непогашенный иск', 'өтелмеген талабы бар'),
    columns: ['unpaidClaim'],
    emit: (ctx) => `${ctx.col('unpaidClaim')}[i]`,
    value: (p) => {
      const u = unpaidClaim(p);
      return u === null ? null : u > 0;
    },
  },
  boolFact('damage_caused', 'damageCaused', 'damageCaused', L('damage caused', 'причинён ущерб', 'залал келтірілген')),
  boolFact('damage_compensated', 'damageCompensated', 'damageCompensated', L('damage fully compensated', 'ущерб возмещён полностью', 'залал толық өтелген')),
  enumFact('behaviour', 'behaviour', 'behaviour', BEHAVIOURS, L('degree of behaviour', 'степень поведения', 'мінез-құлық дәрежесі')),
  boolFact('malicious_violator', 'maliciousViolator', 'maliciousViolator', L('malicious violator of the regime', 'злостный нарушитель режима', 'режимді қасақана бұзушы')),
  {
    // "sentenced to imprisonment for the first time": no prior conviction, or none to imprisonment
    name: 'first_imprisonment',
    type: { kind: 'boolean' },
    label: L('sentenced to imprisonment for the first time', 'впервые осуждён к лишению свободы', 'бас бостандығынан айыруға алғаш рет сотталған'),
    columns: ['priorConvictions', 'priorImprisonment'],
    emit: (ctx) =>
      `(${ctx.col('priorConvictions')}[i] === 0 || ${ctx.col('priorImprisonment')}[i] === 0 ? 1 : ${ctx.col('priorImprisonment')}[i] === 1 ? 0 : -1)`,
    value: (p) => (p.priorConvictions === 0 || p.priorImprisonment === false ? true : p.priorImprisonment === true ? false : null),
  },
  {
    // no prior conviction, no earlier stay in a juvenile colony
    name: 'juvenile_colony',
    type: { kind: 'boolean' },
    label: L('earlier served a sentence in a juvenile colony', 'ранее отбывал наказание в воспитательной колонии', 'бұрын тәрбиелеу колониясында жаза өтеген'),
    columns: ['priorConvictions', 'juvenileColony'],
    emit: (ctx) => `(${ctx.col('priorConvictions')}[i] === 0 ? 0 : ${ctx.col('juvenileColony')}[i])`,
    value: (p) => (p.priorConvictions === 0 ? false : p.juvenileColony),
  },
  enumFact('disabled_child_group', 'disabledChildGroup', 'disabledChildGroup', DISABLED_CHILD_GROUPS, L('group of the disabled child raised', 'группа инвалидности воспитываемого ребёнка', 'тәрбиедегі мүгедек баланың тобы'), false, DISABLED_CHILD_GROUP_ALIASES),
  boolFact('victim_aged_14_18', 'victimAged14To18', 'victimAged14To18', L('the victims of the offence against a minor’s sexual inviolability were aged 14–18', 'потерпевшие от преступления против половой неприкосновенности несовершеннолетних — в возрасте 14–18 лет', 'кәмелетке толмағандардың жыныстық тиіспеушілігіне қарсы қылмыстан жәбірленушілер 14–18 жаста')),
  enumFact('veteran_kind', 'veteranKind', 'veteranKind', VETERAN_KINDS, L('kind of veteran (Law "On veterans")', 'категория ветерана (Закон «О ветеранах»)', 'ардагер санаты («Ардагерлер туралы» Заң)')),
];

const BY_NAME = new Map(FACTS.map((f) => [f.name, f]));

export function factByName(name: string): FactDef | undefined {
  return BY_NAME.get(name);
}

/**
 * Facts about serving the sentence on the day facts are read on: whether the person serves it, the
 * days, part and term served, the term and days left. Terms are laid on the calendar in months,
 * then days (src/domain/terms.ts).
 */
import { UNKNOWN_DATE } from '../../domain/dates.ts';
import { addTerm, formatTerm, termBetween } from '../../domain/terms.ts';
import type { PersonRecord } from '../../registry/record.ts';
import { remainingTermSign, sentenceTerm, servedFractionSign, servedTermSign, UNKNOWN_SIGN } from '../calendar.ts';
import { addMonthsSql, servedFractionSignSql, signSql } from '../sql/expressions.ts';
import { UNKNOWN_DATE_LIT } from './kit.ts';
import type { FactDefinition } from './types.ts';

/** The share of the sentence's term (laid on the calendar) served on a day, for explanations. */
function servedShare(p: PersonRecord, day: number): number | null {
  if (p.sentenceStartDay === null) return null;
  const t = sentenceTerm(p.sentenceStartDay, p.sentenceEndDay ?? UNKNOWN_DATE, p.imposedTermMonths ?? -1, p.imposedTermDays ?? -1);
  if (t === null) return null;
  const length = addTerm(p.sentenceStartDay, t) - p.sentenceStartDay;
  if (length <= 0) return null;
  return Math.min(1, Math.max(0, day - p.sentenceStartDay) / length);
}

export const SERVING_FACTS = {
  served_days: {
    type: { kind: 'number', unit: 'days' },
    columns: ['sentenceStartDay'],
    kernel: (ctx) => `(${ctx.col('sentenceStartDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : Math.max(0, ${ctx.asOfDay} - ${ctx.col('sentenceStartDay')}[i]))`,
    reference: (p, env) => (p.sentenceStartDay === null ? null : Math.max(0, env.asOfDay - p.sentenceStartDay)),
    sql: (c) => `(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE GREATEST(0, ${c.day} - f.sentence_start) END)`,
    leaves: ['served_days > 1000', 'served_days = 0'],
  },

  // Compared on the calendar: `served_fraction >= 1/3` holds from the day the start plus one
  // third of the term (in months, then days: src/domain/terms.ts) is reached. The term is the
  // one imposed when recorded, otherwise the term from start to scheduled end. The number shown
  // in explanations is the share of the term's days served.
  served_fraction: {
    type: { kind: 'number', unit: 'fraction' },
    columns: ['sentenceStartDay', 'sentenceEndDay', 'imposedTermMonths', 'imposedTermDays'],
    kernel: (ctx) => {
      const s = `${ctx.col('sentenceStartDay')}[i]`;
      const e = `${ctx.col('sentenceEndDay')}[i]`;
      // only `is known` reads this form: known exactly when the sign is
      return `(${ctx.helper('servedFractionSign')}(${s}, ${e}, ${ctx.col('imposedTermMonths')}[i], ${ctx.col('imposedTermDays')}[i], ${ctx.asOfDay}, 0, 1) === ${UNKNOWN_SIGN} ? NaN : 0)`;
    },
    reference: (p, env) => servedShare(p, env.asOfDay),
    // only `is known` reads this form (comparisons go through fractionSign)
    sql: (c) => `(CASE WHEN ${servedFractionSignSql(c, { num: 0, den: 1 })} IS NULL THEN NULL ELSE 0 END)`,
    fractionSign: {
      kernel: (ctx, f) =>
        `${ctx.helper('servedFractionSign')}(${ctx.col('sentenceStartDay')}[i], ${ctx.col('sentenceEndDay')}[i], ${ctx.col('imposedTermMonths')}[i], ${ctx.col('imposedTermDays')}[i], ${ctx.asOfDay}, ${ctx.num(f.num)}, ${ctx.num(f.den)})`,
      reference: (p, env, f) => servedFractionSign(p.sentenceStartDay ?? UNKNOWN_DATE, p.sentenceEndDay ?? UNKNOWN_DATE, p.imposedTermMonths ?? -1, p.imposedTermDays ?? -1, env.asOfDay, f.num, f.den),
      sql: servedFractionSignSql,
    },
    leaves: [
      'served_fraction >= 0.5',
      'served_fraction < 0.25',
      'served_fraction = 1',
      'served_fraction is unknown',
      'served_fraction >= 1/3',
      'served_fraction > 2/3',
      'served_fraction <= 1/2',
      'served_fraction = 1/3',
      'served_fraction != 3/4',
    ],
  },

  served_term: {
    type: { kind: 'term' },
    columns: ['sentenceStartDay', 'sentenceEndDay'],
    kernel: (ctx) => `(${ctx.col('sentenceStartDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : 0)`,
    reference: (p, env) => {
      if (p.sentenceStartDay === null) return null;
      const at = Math.max(p.sentenceStartDay, p.sentenceEndDay !== null && p.sentenceEndDay < env.asOfDay ? p.sentenceEndDay : env.asOfDay);
      return formatTerm(termBetween(p.sentenceStartDay, at));
    },
    sql: () => '(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE 0 END)',
    termSign: {
      kernel: (ctx, t) => `${ctx.helper('servedTermSign')}(${ctx.col('sentenceStartDay')}[i], ${ctx.col('sentenceEndDay')}[i], ${ctx.asOfDay}, ${ctx.num(t.months)}, ${ctx.num(t.days)})`,
      reference: (p, env, t) => servedTermSign(p.sentenceStartDay ?? UNKNOWN_DATE, p.sentenceEndDay ?? UNKNOWN_DATE, env.asOfDay, t.months, t.days),
      sql: (c, t) => {
        const at = `GREATEST(f.sentence_start, (CASE WHEN f.sentence_end IS NOT NULL AND f.sentence_end < ${c.day} THEN f.sentence_end ELSE ${c.day} END))`;
        return `(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE ${signSql(`${at} - (${addMonthsSql('f.sentence_start', String(t.months))} + ${t.days})`)} END)`;
      },
    },
    leaves: ['served_term >= 6m', 'served_term < 1y10d'],
  },

  remaining_term: {
    type: { kind: 'term' },
    columns: ['sentenceEndDay'],
    kernel: (ctx) => `(${ctx.col('sentenceEndDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : 0)`,
    reference: (p, env) => (p.sentenceEndDay === null ? null : formatTerm(termBetween(Math.min(env.asOfDay, p.sentenceEndDay), p.sentenceEndDay))),
    sql: () => '(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE 0 END)',
    termSign: {
      kernel: (ctx, t) => ctx.remainingTermSign(t.months, t.days),
      reference: (p, env, t) => remainingTermSign(p.sentenceEndDay ?? UNKNOWN_DATE, env.asOfDay, t.months, t.days),
      sql: (c, t) => {
        const from = `LEAST(${c.day}, f.sentence_end)`;
        return `(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE ${signSql(`f.sentence_end - (${addMonthsSql(from, String(t.months))} + ${t.days})`)} END)`;
      },
    },
    leaves: ['remaining_term <= 1y', 'remaining_term > 2y6m', 'remaining_term = 0d', 'remaining_term is known'],
  },

  remaining_days: {
    type: { kind: 'number', unit: 'days' },
    columns: ['sentenceEndDay'],
    kernel: (ctx) => `(${ctx.col('sentenceEndDay')}[i] === ${UNKNOWN_DATE_LIT} ? NaN : Math.max(0, ${ctx.col('sentenceEndDay')}[i] - ${ctx.asOfDay}))`,
    reference: (p, env) => (p.sentenceEndDay === null ? null : Math.max(0, p.sentenceEndDay - env.asOfDay)),
    sql: (c) => `(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE GREATEST(0, f.sentence_end - ${c.day}) END)`,
    leaves: ['remaining_days <= 180', 'remaining_days = 0'],
  },

  // The act engine's own test (docs/acts.md): the term has begun and its end is not reached; a
  // start or end not recorded does not count against it. Never unknown.
  serving: {
    type: { kind: 'boolean' },
    columns: ['sentenceStartDay', 'sentenceEndDay'],
    kernel: (ctx) => {
      const s = `${ctx.col('sentenceStartDay')}[i]`;
      const e = `${ctx.col('sentenceEndDay')}[i]`;
      return `((${s} === ${UNKNOWN_DATE_LIT} || ${s} <= ${ctx.asOfDay}) && (${e} === ${UNKNOWN_DATE_LIT} || ${e} > ${ctx.asOfDay})) * 1`;
    },
    reference: (p, env) => (p.sentenceStartDay === null || p.sentenceStartDay <= env.asOfDay) && (p.sentenceEndDay === null || p.sentenceEndDay > env.asOfDay),
    sql: (c) => `((f.sentence_start IS NULL OR f.sentence_start <= ${c.day}) AND (f.sentence_end IS NULL OR f.sentence_end > ${c.day}))`,
    leaves: ['serving', 'not serving'],
  },
} satisfies Record<string, FactDefinition>;

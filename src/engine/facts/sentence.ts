/**
 * Facts about the sentence: the punishment imposed and its term, its start and scheduled end, and
 * where it is served (custody, facility, region).
 */
import { CUSTODIES, CUSTODY_ALIASES, SENTENCE_TYPES } from '../../domain/enums.ts';
import { formatTerm } from '../../domain/terms.ts';
import { imposedTermSign } from '../calendar.ts';
import { signSql } from '../sql/expressions.ts';
import { dateFact, enumFact, nanIfNull, UNKNOWN_DATE_LIT } from './kit.ts';
import type { FactDefinition } from './types.ts';

export const SENTENCE_FACTS = {
  custody: enumFact('custody', 'custody', CUSTODIES, 'f.custody', ['custody = institution', 'custody != СП', 'custody in [probation, ИУ]', 'custody not in [institution]'], { aliases: CUSTODY_ALIASES }),

  facility: {
    type: { kind: 'string' },
    columns: ['facility'],
    kernel: (ctx) => `${ctx.col('facility')}[i]`,
    reference: (p) => p.facility,
    sql: () => 'f.facility',
    leaves: ["facility = 'W-01'", "facility != 'W-02'", "facility in ['W-01', 'ИУ-1']", "facility not in ['W-01']", 'facility is unknown'],
  },

  region: {
    type: { kind: 'string' },
    columns: ['region'],
    kernel: (ctx) => `${ctx.col('region')}[i]`,
    reference: (p) => p.region,
    sql: () => 'f.region',
    leaves: ["region = 'Астана'", "region in ['Алматы', 'Астана', 'Шымкент']", 'region != "Алматы"', 'region is known'],
  },

  sentence_type: enumFact('sentenceType', 'sentenceType', SENTENCE_TYPES, 'f.sentence_type', ['sentence_type = imprisonment', 'sentence_type not in [fine, arrest, conditional_imprisonment]']),

  imposed_term_months: {
    type: { kind: 'number', unit: 'months' },
    columns: ['imposedTermMonths'],
    kernel: (ctx) => `(${ctx.col('imposedTermMonths')}[i] < 0 ? NaN : ${ctx.col('imposedTermMonths')}[i])`,
    kernelInt: (ctx) => `${ctx.col('imposedTermMonths')}[i]`,
    reference: (p) => nanIfNull(p.imposedTermMonths),
    sql: () => 'f.imposed_term_months',
    leaves: ['imposed_term_months <= 60', 'imposed_term_months > 120'],
  },

  term_days: {
    type: { kind: 'number', unit: 'days' },
    columns: ['sentenceStartDay', 'sentenceEndDay'],
    kernel: (ctx) => {
      const s = `${ctx.col('sentenceStartDay')}[i]`;
      const e = `${ctx.col('sentenceEndDay')}[i]`;
      return `(${s} === ${UNKNOWN_DATE_LIT} || ${e} === ${UNKNOWN_DATE_LIT} ? NaN : ${e} - ${s})`;
    },
    reference: (p) => (p.sentenceStartDay === null || p.sentenceEndDay === null ? null : p.sentenceEndDay - p.sentenceStartDay),
    sql: () => '(f.sentence_end - f.sentence_start)',
    leaves: ['term_days >= 365', 'term_days < 0', 'term_days is unknown'],
  },

  imposed_term: {
    type: { kind: 'term' },
    columns: ['imposedTermMonths', 'imposedTermDays'],
    kernel: (ctx) => `(${ctx.col('imposedTermMonths')}[i] < 0 || ${ctx.col('imposedTermDays')}[i] < 0 ? NaN : ${ctx.col('imposedTermMonths')}[i])`,
    reference: (p) => (p.imposedTermMonths === null || p.imposedTermDays === null ? null : formatTerm({ months: p.imposedTermMonths, days: p.imposedTermDays })),
    sql: () => '(CASE WHEN f.imposed_term_months IS NULL OR f.imposed_term_days IS NULL THEN NULL ELSE 0 END)',
    termSign: {
      kernel: (ctx, t) => `${ctx.helper('imposedTermSign')}(${ctx.col('imposedTermMonths')}[i], ${ctx.col('imposedTermDays')}[i], ${ctx.num(t.months)}, ${ctx.num(t.days)})`,
      reference: (p, _env, t) => imposedTermSign(p.imposedTermMonths ?? -1, p.imposedTermDays ?? -1, t.months, t.days),
      sql: (_c, t) =>
        `(CASE WHEN f.imposed_term_months IS NULL OR f.imposed_term_days IS NULL THEN NULL WHEN f.imposed_term_months <> ${t.months} THEN ${signSql(`f.imposed_term_months - ${t.months}`)} ELSE ${signSql(`f.imposed_term_days - ${t.days}`)} END)`,
    },
    leaves: ['imposed_term <= 3y', 'imposed_term > 1y6m', 'imposed_term = 5y', 'imposed_term is unknown'],
  },

  sentence_start: dateFact('sentenceStartDay', 'sentenceStartDay', 'f.sentence_start', ['sentence_start < day - 6m', 'sentence_start <= 2015-01-01', 'sentence_start != 1990-02-28']),
  sentence_end: dateFact('sentenceEndDay', 'sentenceEndDay', 'f.sentence_end', ['sentence_end <= day + 30d', 'sentence_end > 2025-06-23', 'sentence_end not in [2020-01-01]']),
} satisfies Record<string, FactDefinition>;

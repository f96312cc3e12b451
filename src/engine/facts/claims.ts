/** Facts about the civil claim and the damage caused by the offence: filed, paid, compensated. */
import type { PersonRecord } from '../../registry/record.ts';
import { boolFact } from './kit.ts';
import type { FactDefinition } from './types.ts';

function unpaidClaim(p: PersonRecord): number | null {
  if (p.civilClaimAmount === null) return null;
  if (p.civilClaimAmount === 0) return 0;
  if (p.civilClaimPaid === null) return null;
  return p.civilClaimAmount - p.civilClaimPaid;
}

const unpaidSql = `(CASE WHEN f.civil_claim_amount IS NULL THEN NULL WHEN f.civil_claim_amount = 0 THEN 0 WHEN f.civil_claim_paid IS NULL THEN NULL ELSE f.civil_claim_amount - f.civil_claim_paid END)`;

export const CLAIM_FACTS = {
  civil_claim_amount: {
    type: { kind: 'number', unit: 'tenge' },
    columns: ['civilClaimAmount'],
    kernel: (ctx) => `${ctx.col('civilClaimAmount')}[i]`,
    reference: (p) => p.civilClaimAmount,
    sql: () => 'f.civil_claim_amount',
    leaves: ['civil_claim_amount > 100000', 'civil_claim_amount = 0'],
  },

  civil_claim_filed: {
    type: { kind: 'boolean' },
    columns: ['claimFiled'],
    kernel: (ctx) => `${ctx.col('claimFiled')}[i]`,
    reference: (p) => (p.civilClaimAmount === null ? null : p.civilClaimAmount > 0),
    sql: () => '(f.civil_claim_amount > 0)',
    leaves: ['civil_claim_filed', 'not civil_claim_filed'],
  },

  unpaid_claim: {
    type: { kind: 'number', unit: 'tenge' },
    columns: ['civilClaimAmount', 'civilClaimPaid'],
    kernel: (ctx) => {
      const a = `${ctx.col('civilClaimAmount')}[i]`;
      const p = `${ctx.col('civilClaimPaid')}[i]`;
      return `(${a} !== ${a} ? NaN : ${a} === 0 ? 0 : ${p} !== ${p} ? NaN : ${a} - ${p})`;
    },
    reference: (p) => unpaidClaim(p),
    sql: () => unpaidSql,
    leaves: ['unpaid_claim > 0', 'unpaid_claim <= 500', 'unpaid_claim is unknown'],
  },

  has_unpaid_claim: {
    type: { kind: 'boolean' },
    columns: ['unpaidClaim'],
    kernel: (ctx) => `${ctx.col('unpaidClaim')}[i]`,
    reference: (p) => {
      const u = unpaidClaim(p);
      return u === null ? null : u > 0;
    },
    sql: () => `(${unpaidSql} > 0)`,
    leaves: ['has_unpaid_claim', 'has_unpaid_claim = false'],
  },

  damage_caused: boolFact('damageCaused', 'damageCaused', 'f.damage_caused', ['damage_caused']),
  damage_compensated: boolFact('damageCompensated', 'damageCompensated', 'f.damage_compensated', ['damage_compensated != true']),
} satisfies Record<string, FactDefinition>;

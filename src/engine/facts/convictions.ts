/** Facts about the person's criminal history: earlier convictions, recidivism (Criminal Code Art. 14), earlier imprisonment. */
import { RECIDIVISMS } from '../../domain/enums.ts';
import { enumFact, nanIfNull } from './kit.ts';
import type { FactDefinition } from './types.ts';

export const CONVICTION_FACTS = {
  first_conviction: {
    type: { kind: 'boolean' },
    columns: ['priorConvictions'],
    kernel: (ctx) => `(${ctx.col('priorConvictions')}[i] < 0 ? -1 : (${ctx.col('priorConvictions')}[i] === 0) * 1)`,
    reference: (p) => (p.priorConvictions === null ? null : p.priorConvictions === 0),
    sql: () => '(f.prior_convictions = 0)',
    leaves: ['first_conviction', 'first_conviction != true'],
  },

  prior_convictions: {
    type: { kind: 'number', unit: 'convictions' },
    columns: ['priorConvictions'],
    kernel: (ctx) => `(${ctx.col('priorConvictions')}[i] < 0 ? NaN : ${ctx.col('priorConvictions')}[i])`,
    kernelInt: (ctx) => `${ctx.col('priorConvictions')}[i]`,
    reference: (p) => nanIfNull(p.priorConvictions),
    sql: () => 'f.prior_convictions',
    leaves: ['prior_convictions >= 2', 'prior_convictions = 0', 'prior_convictions in [1, 2]', 'prior_convictions not in [0]'],
  },

  recidivism: enumFact('recidivism', 'recidivism', RECIDIVISMS, 'f.recidivism', ['recidivism = none', 'recidivism in [simple, dangerous]', 'recidivism is known']),

  // "sentenced to imprisonment for the first time": no prior conviction, or none to imprisonment
  first_imprisonment: {
    type: { kind: 'boolean' },
    columns: ['priorConvictions', 'priorImprisonment'],
    kernel: (ctx) =>
      `(${ctx.col('priorConvictions')}[i] === 0 || ${ctx.col('priorImprisonment')}[i] === 0 ? 1 : ${ctx.col('priorImprisonment')}[i] === 1 ? 0 : -1)`,
    reference: (p) => (p.priorConvictions === 0 || p.priorImprisonment === false ? true : p.priorImprisonment === true ? false : null),
    sql: () => '(CASE WHEN f.prior_convictions = 0 OR f.prior_imprisonment = FALSE THEN TRUE WHEN f.prior_imprisonment = TRUE THEN FALSE END)',
    leaves: ['first_imprisonment', 'not first_imprisonment'],
  },

  // no prior conviction, no earlier stay in a juvenile colony
  juvenile_colony: {
    type: { kind: 'boolean' },
    columns: ['priorConvictions', 'juvenileColony'],
    kernel: (ctx) => `(${ctx.col('priorConvictions')}[i] === 0 ? 0 : ${ctx.col('juvenileColony')}[i])`,
    reference: (p) => (p.priorConvictions === 0 ? false : p.juvenileColony),
    sql: () => '(CASE WHEN f.prior_convictions = 0 THEN FALSE ELSE f.juvenile_colony END)',
    leaves: ['juvenile_colony', 'juvenile_colony is unknown'],
  },
} satisfies Record<string, FactDefinition>;

/**
 * The unverified inputs of an impact report, per section and per figure (docs/doubt.md): the act's
 * (source, rule wordings, act and law parameters, via engine/act/doubt.ts), the Criminal Code parts
 * of the persons counted, the registry and the facilities when synthetic, the cost and grant-rate
 * parameters that are assumptions, and the repeat-offending rates.
 *
 * Non-null assertions (`!`) left here are reads of the registry's article columns (typed arrays)
 * between a person's offsets, in the loop over every person.
 */
import { entryAt } from '../domain/lookup.ts';
import { actDoubts, fixedDoubt, partDoubts, type Doubt } from '../engine/act/doubt.ts';
import { IMPACT_DOUBT_TEXTS as D } from '../i18n/impact/doubt.ts';
import { render, type Lang, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import type { Facilities } from '../registry/facilities.ts';
import type { Registry } from '../registry/registry.ts';
import type { ImpactConfig } from './config.ts';
import type { OutcomesSummary, ParameterUsed } from './report.ts';
import type { ActRun } from './run.ts';
import { parameterUsed } from './parameters-used.ts';
import { POLICY_PARAMETERS } from './policy.ts';

export interface ImpactDoubtContext {
  law: Law;
  registry: Registry;
  registrySynthetic: boolean;
  facilities: Facilities | null;
  config: ImpactConfig;
  /** Every doubt of the report, by key. */
  all: Map<string, Doubt>;
}

export interface ActImpactDoubts {
  sections: { outcomes: string[]; coverage: string[]; money: string[]; equality: string[]; victims: string[]; risk: string[]; projection: string[] };
  byClause: string[][];
  byExclusion: string[][];
  /** Per money variant (same order as money.variants). */
  variants: string[][];
  letterMethod: string[];
}

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/** A law parameter the report multiplies by, when it is an assumption. */
export function parameterDoubt(ctx: ImpactDoubtContext, p: ParameterUsed): string[] {
  if (!p.assumption) return [];
  const key = `law:${p.name}`;
  if (!ctx.all.has(key))
    ctx.all.set(key, {
      key,
      kind: 'law_parameter',
      // Keys in the order the engine's doubts use (en, ru, kk); the value is written as given, not localised.
      label: ((r: (lang: Lang) => string): Text => ({ en: r('en'), ru: r('ru'), kk: r('kk') }))((lang) =>
        render(D.parameterAssumption, lang, { name: p.name, value: String(p.value), from: p.from, extrapolated: p.extrapolated ? D.extrapolated[lang] : '' }),
      ),
    });
  return [key];
}

function fixed(ctx: ImpactDoubtContext, key: 'registry' | 'facilities' | 'rates'): string[] {
  return fixedDoubt(ctx.all, key);
}

/**
 * The doubts of one act's impact. `summary` gives which rules decided persons; `moneyParams` are
 * each money variant's two costs, `letterCost` the letter method's, `grant` the projection's rate.
 */
export function actImpactDoubts(
  ctx: ImpactDoubtContext,
  run: ActRun,
  summary: OutcomesSummary,
  moneyParams: ParameterUsed[][],
  letterCost: ParameterUsed,
  grant: ParameterUsed,
): ActImpactDoubts {
  const ad = actDoubts(run.plan, ctx.law, run.day);
  // the unverified Criminal Code parts among the convictions of the persons counted
  const seen = new Uint8Array(ctx.law.criminalCode.size);
  const c = ctx.registry.columns;
  for (let i = 0; i < ctx.registry.size; i++) {
    if (!run.serving[i] || !c.articlesKnown[i]) continue;
    for (let k = c.articleOffsets[i]!; k < c.articleOffsets[i + 1]!; k++) seen[c.articleValues[k]!] = 1;
  }
  const parts = ctx.law.criminalCode.parts.filter((p) => seen[p.index] === 1);
  const partKeys = partDoubts(ad, parts);
  for (const [k, d] of ad.all) ctx.all.set(k, d);
  const base = union(ad.act, partKeys, ctx.registrySynthetic ? fixed(ctx, 'registry') : []);
  const byClause = ad.clauses.map((keys) => union(base, keys));
  const byExclusion = ad.exclusions.map((keys) => union(base, keys));
  const decided = [
    ...summary.by_clause.flatMap((r, j) => (r.persons > 0 ? entryAt(ad.clauses, j, 'doubts of a clause') : [])),
    ...summary.by_exclusion.flatMap((r, k) => (r.persons > 0 ? entryAt(ad.exclusions, k, 'doubts of an exclusion') : [])),
    ...((summary.by_status['not_covered'] ?? 0) > 0 || (summary.by_status['needs_review'] ?? 0) > 0 ? ad.clauses.flat() : []),
  ];
  const outcomes = union(base, decided);
  const variants = moneyParams.map((ps) => union(outcomes, ...ps.map((p) => parameterDoubt(ctx, p))));
  const letterMethod = union(outcomes, parameterDoubt(ctx, letterCost));
  const money = union(...variants, letterMethod);
  const facilities = ctx.facilities?.synthetic ? fixed(ctx, 'facilities') : [];
  return {
    sections: {
      outcomes,
      coverage: union(outcomes, facilities),
      money,
      // the least group and the gap worth a review are working assumptions (law/parameters.yaml)
      equality: union(outcomes, ...[POLICY_PARAMETERS.minGroup, POLICY_PARAMETERS.gapWorthReview].map((name) => parameterDoubt(ctx, parameterUsed(ctx.law, name, run.day)))),
      victims: outcomes,
      risk: union(outcomes, ctx.config.risk.rates.assumption ? fixed(ctx, 'rates') : []),
      projection: union(money, parameterDoubt(ctx, grant)),
    },
    byClause,
    byExclusion,
    variants,
    letterMethod,
  };
}

/**
 * Facts about the person's family: pregnancy, children and their ages, a disabled child raised,
 * parental rights, single parenthood. "Many children" follows the law's dated parameters
 * (`family.*` in law/parameters.yaml).
 */
import { DISABLED_CHILD_GROUP_ALIASES, DISABLED_CHILD_GROUPS } from '../../domain/enums.ts';
import type { PersonRecord } from '../../registry/record.ts';
import { boolFact, enumFact } from './kit.ts';
import { paramDayOf, type SqlContext, type FactDefinition } from './types.ts';

function childrenUnder(p: PersonRecord, years: number, asOfYmd: number): number | null {
  if (p.childrenBirthYmd === null) return null;
  // A child is under N on the date when born after the same calendar day N years earlier (and already born).
  return p.childrenBirthYmd.filter((c) => c <= asOfYmd && c > asOfYmd - years * 10000).length;
}

/** The number of a person's children under `years` on the day `ymd` (SQL expressions), counted by a subquery. */
export const childrenUnderSubquery = (ymd: string, years: string) =>
  `(SELECT COUNT(*) FROM person_children pc WHERE pc.row_index = f.row_index AND pc.birth_ymd <= ${ymd} AND pc.birth_ymd > ${ymd} - ${years} * 10000)`;

export const FAMILY_FACTS = {
  pregnant: boolFact('pregnant', 'pregnant', 'f.pregnant', ['pregnant', 'not pregnant', 'pregnant is unknown']),

  children_count: {
    type: { kind: 'number', unit: 'children' },
    columns: ['childrenKnown', 'childOffsets'],
    kernel: (ctx) => `(${ctx.col('childrenKnown')}[i] === 0 ? NaN : ${ctx.col('childOffsets')}[i + 1] - ${ctx.col('childOffsets')}[i])`,
    kernelInt: (ctx) => `(${ctx.col('childrenKnown')}[i] === 0 ? -1 : ${ctx.col('childOffsets')}[i + 1] - ${ctx.col('childOffsets')}[i])`,
    reference: (p) => (p.childrenBirthYmd === null ? null : p.childrenBirthYmd.length),
    sql: () => '(CASE WHEN NOT f.children_known THEN NULL ELSE (SELECT COUNT(*) FROM person_children pc WHERE pc.row_index = f.row_index) END)',
    leaves: ['children_count >= 2', 'children_count = 0'],
  },

  children_under: {
    type: { kind: 'number', unit: 'children' },
    arg: { kind: 'number', min: 1, max: 30 },
    columns: ['childrenKnown', 'childOffsets', 'childBirthYmd'],
    kernel: (ctx, arg) =>
      `(${ctx.col('childrenKnown')}[i] === 0 ? NaN : ${ctx.childrenUnder(ctx.num(Number(arg)))})`,
    kernelInt: (ctx, arg) => `(${ctx.col('childrenKnown')}[i] === 0 ? -1 : ${ctx.childrenUnder(ctx.num(Number(arg)))})`,
    reference: (p, env, arg) => childrenUnder(p, Number(arg), env.asOfYmd),
    sql: (c, arg) => `(CASE WHEN NOT f.children_known THEN NULL ELSE ${c.childrenUnder(String(Number(arg)))} END)`,
    leaves: [
      'children_under(3) < law.family.many_children_threshold',
      'children_under(3) >= 1',
      'children_under(1) = 1',
      'children_under(18) >= 4',
      'children_under(14) in [1, 2]',
      'children_under(30) is known',
    ],
  },

  many_children: {
    type: { kind: 'boolean' },
    columns: ['childrenKnown', 'childOffsets', 'childBirthYmd'],
    kernel: (ctx) =>
      `(${ctx.col('childrenKnown')}[i] === 0 ? -1 : (${ctx.childrenUnder(ctx.param('family.child_age_limit'))} >= ${ctx.param('family.many_children_threshold')}) * 1)`,
    reference: (p, env) => {
      const n = childrenUnder(p, env.parameters.value('family.child_age_limit', paramDayOf(env)), env.asOfYmd);
      return n === null ? null : n >= env.parameters.value('family.many_children_threshold', paramDayOf(env));
    },
    sql: (c) => `(CASE WHEN NOT f.children_known THEN NULL ELSE ${c.childrenUnder(c.param('family.child_age_limit'))} >= ${c.param('family.many_children_threshold')} END)`,
    leaves: ['many_children', 'not many_children', 'many_children is known'],
  },

  disabled_child: boolFact('disabledChild', 'disabledChild', 'f.disabled_child', ['disabled_child']),
  disabled_child_group: enumFact('disabledChildGroup', 'disabledChildGroup', DISABLED_CHILD_GROUPS, 'f.disabled_child_group', ['disabled_child_group in [group_1, group_2]', 'disabled_child_group = under_16', 'disabled_child_group != none'], {
    aliases: DISABLED_CHILD_GROUP_ALIASES,
  }),
  parental_rights_deprived: boolFact('parentalRightsDeprived', 'parentalRightsDeprived', 'f.parental_rights_deprived', ['parental_rights_deprived = false']),
  single_parent: boolFact('singleParent', 'singleParent', 'f.single_parent', ['not single_parent']),
} satisfies Record<string, FactDefinition>;

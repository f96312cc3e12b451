/**
 * Two versions of an act compared part by part (`diffPlans`): each changed field comes as data a page
 * renders in its language — a measure with its name and fraction or milder punishment, a condition as
 * its criteria with the facts they read, a parameter's value as written and as a number, booleans,
 * the act's status and rule of combination — never as JSON text or "true"/"false".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileActText } from '../engine/act/plan.ts';
import { MEASURE_LABELS } from '../i18n/act.ts';
import { SENTENCE_TYPE_LABELS } from '../i18n/enums.ts';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS } from '../paths.ts';
import { diffPlans, type PartDiff } from './acts.ts';

const law = loadLaw();
const source = readFileSync(join(DEFAULT_PATHS.acts, 'kz-2025-women-proposal', 'act.yaml'), 'utf8');
const planOf = (text: string) => compileActText(text, 'kz-2025-women-proposal.yaml', law).plan;

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const part = (parts: PartDiff[], kind: PartDiff['kind'], id: string) => parts.find((p) => p.kind === kind && p.id === id);

describe('diffPlans', () => {
  it('finds nothing changed between a version and itself', () => {
    const plan = planOf(source);
    expect(diffPlans(plan, plan).every((p) => p.change === 'same' && p.fields.length === 0)).toBe(true);
  });

  it('gives each changed field as data: measure, criteria, parameter value, booleans, status', () => {
    let next = source;
    next = edit(next, 'measure: { type: replace_milder, with: restriction_of_liberty }', 'measure: { type: replace_milder, with: fine }');
    next = edit(next, 'all: [woman, "gravity <= medium"]', 'all: [woman, "gravity <= minor"]');
    next = edit(next, '  grave_reduction:\n    value: 0.25\n    verified: false', '  grave_reduction:\n    value: 0.3\n    verified: true');
    next = edit(next, '  verified: true\nstatus: proposal', '  verified: false\nstatus: draft');
    const parts = diffPlans(planOf(source), planOf(next));

    expect(part(parts, 'clause', 'art2_2')).toMatchObject({
      change: 'changed',
      ref: 'Art. 2 §2',
      label: { en: 'Art. 2 §2: milder punishment' },
      fields: [
        {
          field: 'measure',
          before: { code: 'replace_milder', label: MEASURE_LABELS.replace_milder, with: 'restriction_of_liberty', with_label: SENTENCE_TYPE_LABELS.restriction_of_liberty },
          after: { code: 'replace_milder', label: MEASURE_LABELS.replace_milder, with: 'fine', with_label: SENTENCE_TYPE_LABELS.fine },
        },
      ],
    });

    const art1 = part(parts, 'clause', 'art1');
    expect(art1?.fields.map((f) => f.field)).toEqual(['condition']);
    const condition = art1?.fields[0];
    if (condition?.field !== 'condition') throw new Error('art1: no condition changed');
    expect(condition.before?.map((c) => c.condition)).toEqual(['woman', 'gravity <= medium']);
    expect(condition.after?.map((c) => c.condition)).toEqual(['woman', 'gravity <= minor']);
    expect(condition.after?.[1]?.facts).toEqual([{ name: 'gravity', arg: null, label: expect.objectContaining({ ru: expect.any(String), kk: expect.any(String), en: expect.any(String) }) }]);

    expect(part(parts, 'parameter', 'grave_reduction')?.fields).toEqual([
      { field: 'value', before: { text: '0.25', number: 0.25 }, after: { text: '0.3', number: 0.3 } },
      { field: 'verified', before: false, after: true },
    ]);

    expect(part(parts, 'act', 'kz-2025-women-proposal')?.fields).toEqual([
      { field: 'status', before: 'proposal', after: 'draft' },
      { field: 'source_verified', before: true, after: false },
    ]);
    // the clause whose measure takes the parameter changed with it
    expect(part(parts, 'clause', 'art2_3')?.fields).toEqual([
      { field: 'measure', before: { code: 'reduce_unserved', label: MEASURE_LABELS.reduce_unserved, fraction: 0.25, fraction_text: '1/4' }, after: { code: 'reduce_unserved', label: MEASURE_LABELS.reduce_unserved, fraction: 0.3, fraction_text: '3/10' } },
    ]);
    expect(parts.filter((p) => p.change !== 'same').map((p) => `${p.kind}:${p.id}`)).toEqual(['act:kz-2025-women-proposal', 'clause:art1', 'clause:art2_2', 'clause:art2_3', 'parameter:grave_reduction']);
  });

  it('gives every field of an added or removed part, with the other side null', () => {
    const next = edit(source, '  - id: art2_1\n', '  - id: art2_1b\n');
    const parts = diffPlans(planOf(source), planOf(next));
    const added = part(parts, 'clause', 'art2_1b');
    const removed = part(parts, 'clause', 'art2_1');
    expect(added?.change).toBe('added');
    expect(removed?.change).toBe('removed');
    expect(added?.fields.map((f) => f.field)).toEqual(['ref', 'text.kk', 'text.ru', 'condition', 'measure']);
    expect(added?.fields.every((f) => f.before === null && f.after !== null)).toBe(true);
    expect(removed?.fields.every((f) => f.before !== null && f.after === null)).toBe(true);
    expect(added?.fields.find((f) => f.field === 'measure')?.after).toEqual({ code: 'reduce_unserved', label: MEASURE_LABELS.reduce_unserved, fraction: 0.5, fraction_text: '1/2' });
  });
});

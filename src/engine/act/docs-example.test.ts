/**
 * The worked example of docs/acts.md ("A real law, clause by clause") is an act that compiles and
 * decides as the page says: the docs cannot drift from the language.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isoDay } from '../../domain/dates.ts';
import { loadLaw } from '../../law/law.ts';
import { PROJECT_ROOT } from '../../paths.ts';
import { registryOf } from '../../registry/registry.ts';
import { testPerson } from '../testing/person.ts';
import { evaluate } from './evaluate.ts';
import { explain } from './explain.ts';
import { outcomeAt } from './outcome.ts';
import { compileAct } from './plan.ts';
import { actSchema } from './schema.ts';

const law = loadLaw();

function docsExample(): unknown {
  const page = readFileSync(resolve(PROJECT_ROOT, 'docs/acts.md'), 'utf8');
  const section = page.slice(page.indexOf('## A real law, clause by clause'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  // the page elides the law's texts with …
  const filled = block.replace(/kk: …/g, 'kk: мәтін').replace(/ru: …/g, 'ru: текст');
  return {
    id: 'docs-example',
    title: { kk: 'мысал', ru: 'пример', en: 'example' },
    source: { text: 'docs/acts.md', verified: false },
    status: 'draft',
    entry_into_force: '2025-07-05',
    execution_end: '2025-12-31',
    combine: { rule: 'first_match', text: 'in order' },
    ...(parse(filled) as object),
  };
}

describe('the worked example of docs/acts.md', () => {
  const { plan } = compileAct(actSchema.parse(docsExample()), law, null, 'hash');
  const cc = law.criminalCode;
  // a man born 1965-07-04 (older than sixty on 2025-07-05), first sentenced to imprisonment for
  // 3 years from 2024-07-05: one third (12 months) served on 2025-07-05
  const man = testPerson(cc, {
    sex: 'M',
    birthYmd: 19650704,
    sentenceStartDay: isoDay('2024-07-05'),
    sentenceEndDay: isoDay('2027-07-05'),
    imposedTermMonths: 36,
    imposedTermDays: 0,
    priorConvictions: 1,
    priorImprisonment: false,
  });
  const decide = (p: typeof man) => {
    const k = outcomeAt(evaluate(plan, registryOf(cc, [p]), law), 0);
    expect(k).toEqual(explain(plan, p, law).outcome);
    return { clause: plan.clauses[k.clause]?.id, status: k.status, unknown: explain(plan, p, law).unknownFacts };
  };

  it('releases the man older than sixty who has served one third of a first term of imprisonment', () => {
    expect(decide(man)).toMatchObject({ status: 'eligible', clause: 'art2_1' });
  });

  it('does not release him on his sixtieth birthday (not older than sixty) nor a day short of one third', () => {
    expect(decide({ ...man, birthYmd: 19650705 })).toMatchObject({ clause: 'art3_1' });
    expect(decide({ ...man, sentenceStartDay: isoDay('2024-07-06'), sentenceEndDay: isoDay('2027-07-06') })).toMatchObject({ clause: 'art3_1' });
  });

  it('asks about earlier imprisonment when it is not recorded', () => {
    expect(decide({ ...man, priorImprisonment: null })).toMatchObject({ status: 'needs_review', clause: 'art2_1', unknown: ['first_imprisonment'] });
  });
});

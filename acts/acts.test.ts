// Every case of every act's tests (acts/<id>/tests/*.yaml) as a test of its own, and the conformance
// of each act's tests (every clause and exclusion reached); also run by `amnestia test`.
import { describe, expect, it } from 'vitest';
import { actConformance, findActs } from '../src/engine/act/act-tests.ts';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS } from '../src/paths.ts';

const law = loadLaw();
const acts = findActs(DEFAULT_PATHS.acts);

describe('acts', () => {
  it('are present', () => {
    expect(acts.length).toBeGreaterThanOrEqual(1);
  });
  for (const folder of acts) {
    const { results, unreachedClauses, unreachedExclusions } = actConformance(folder, law);
    describe(folder.split('/').pop()!, () => {
      it('has at least 15 test persons', () => {
        expect(results.length).toBeGreaterThanOrEqual(15);
      });
      it('proves every clause and every exclusion (the Code\'s included) by a case that reaches it', () => {
        expect({ clauses: unreachedClauses, exclusions: unreachedExclusions }).toEqual({ clauses: [], exclusions: [] });
      });
      for (const r of results)
        it(`${r.id}: ${r.name}`, () => {
          expect(r.failures).toEqual([]);
        });
    });
  }
});

// Every case of every act's tests (acts/<id>/tests/*.yaml) as a test of its own; also run by `amnestia test`.
import { describe, expect, it } from 'vitest';
import { findActs, runActTests } from '../src/engine/act/act-tests.ts';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS } from '../src/paths.ts';

const law = loadLaw();
const acts = findActs(DEFAULT_PATHS.acts);

describe('acts', () => {
  it('are present', () => {
    expect(acts.length).toBeGreaterThanOrEqual(1);
  });
  for (const folder of acts) {
    const results = runActTests(folder, law);
    describe(folder.split('/').pop()!, () => {
      it('has at least 15 test persons', () => {
        expect(results.length).toBeGreaterThanOrEqual(15);
      });
      for (const r of results)
        it(`${r.id}: ${r.name}`, () => {
          expect(r.failures).toEqual([]);
        });
    });
  }
});

/**
 * Writes a synthetic registry snapshot for the benchmark, in a process of its own (bench/run.ts
 * starts it), so that the generator's memory is not counted in the benchmark's:
 *
 *   tsx bench/make-snapshot.ts <persons> <file> [default|real]
 *
 * `default`: the default profile scaled to <persons> (seed 2025) — unknown cells in the profile's
 * shares (docs/synthetic.md), and persons whose term ends between the registry's day and an act's
 * entry into force. `real` adds what a real registry holds besides (assumed shares, for timing the
 * paths they take, not figures): 2 % of persons whose term begins after the day (execution
 * deferred: not yet serving on an act's entry into force), 1 % without a birth date, 2 % whose
 * children are not recorded, 0.5 % whose convictions are not recorded.
 */
import { loadLaw } from '../src/law/law.ts';
import { peakRss } from './peak-rss.ts';
import { DEFAULT_PATHS } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { RegistryBuilder } from '../src/registry/registry.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../src/registry/synthetic/profile.ts';
import { saveSnapshot } from '../src/registry/snapshot.ts';
import { Random } from '../src/registry/synthetic/random.ts';

const [persons, file, kind = 'default'] = process.argv.slice(2);
const n = Number(persons);
if (!Number.isInteger(n) || n <= 0 || !file || (kind !== 'default' && kind !== 'real')) throw new Error('usage: make-snapshot.ts <persons> <file> [default|real]');
const law = loadLaw();
const profile = n === 61_899 ? loadProfile(DEFAULT_PATHS.profile) : scaleProfile(loadProfile(DEFAULT_PATHS.profile), n);
const b = new RegistryBuilder(law.criminalCode, n);
const rnd = new Random(14);
const t0 = performance.now();
for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 2025 })) {
  if (kind === 'real') {
    if (rnd.chance(0.02) && r.sentenceStartDay !== null) {
      const shift = profile.as_of + rnd.int(1, 400) - r.sentenceStartDay;
      r.sentenceStartDay += shift;
      if (r.sentenceEndDay !== null) r.sentenceEndDay += shift;
    }
    if (rnd.chance(0.01)) r.birthYmd = null;
    if (rnd.chance(0.02)) r.childrenBirthYmd = null;
    if (rnd.chance(0.005)) r.articles = null;
  }
  b.push(r);
}
saveSnapshot(b.finish(), file);
process.stdout.write(JSON.stringify({ generateMs: performance.now() - t0, maxRssBytes: peakRss() }));

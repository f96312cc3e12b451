/**
 * Writes test/fixtures/bad-registry.csv: eight synthetic persons, five of them spoiled on purpose,
 * to show and test `amnestia check` (row numbers as a spreadsheet shows them: header = 1).
 *   row 3: a ИИН with a wrong check digit      row 4: an impossible date (2023-02-30)
 *   row 5: an unknown article (9999-1)         row 6: a duplicate person_id (of row 2)
 *   row 7: an empty cell (unknown), accepted
 * Run: npx tsx scripts/make-bad-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { CONTRACT_COLUMNS } from '../src/registry/record.ts';
import { recordToCells } from '../src/registry/row.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../src/registry/synthetic/profile.ts';

const law = loadLaw();
const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), 200);
const facilities = loadFacilities(profile.facilitiesPath);
const rows = [...generatePersons(profile, law.criminalCode, facilities, { seed: 7 })].slice(0, 8).map((r) => recordToCells(r, law.criminalCode));
const iin = rows[1]!.iin;
rows[1]!.iin = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
rows[2]!.sentence_start = '2023-02-30';
rows[3]!.articles = `${rows[3]!.articles};9999-1`;
rows[4]!.person_id = rows[0]!.person_id;
rows[5]!.pregnant = '';
writeFileSync(resolve(PROJECT_ROOT, 'test/fixtures/bad-registry.csv'), stringify(rows, { header: true, columns: [...CONTRACT_COLUMNS] }));

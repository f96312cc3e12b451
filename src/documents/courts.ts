/**
 * Courts that decide submissions (представление / ұсыну) under an amnesty act, and the rule that
 * says which court a person's submission goes to.
 *
 * The rule: the court of the region where the person serves the punishment — the region of the
 * penal institution that holds them, or of the probation service that supervises them; a person
 * with no facility in the facilities list goes to the court of the region in their record. This
 * follows the Criminal Procedure Code of the Republic of Kazakhstan, Art. 476 (questions arising
 * in the execution of a sentence are decided by the court at the place where the sentence is
 * served) — UNVERIFIED against the official text; see docs/documents.md.
 */
import { msg, type Message } from '../i18n/message.ts';
import { z } from 'zod';
import { DataFileError, unlocated, type LocatedError, type SourceMap } from '../domain/located.ts';
import { COURT_TEXTS } from '../i18n/documents/provenance.ts';
import { renderAll, type Text } from '../i18n/text.ts';
import type { Facilities } from '../registry/facilities.ts';

export const courtSchema = z.strictObject({
  code: z.string().min(1),
  region: z.string().min(1),
  kk: z.string().min(1),
  ru: z.string().min(1),
  en: z.string().min(1),
});

export const courtsFileSchema = z.strictObject({
  synthetic: z.boolean(),
  source: z.string().min(1),
  courts: z.array(courtSchema).min(1),
});

export type Court = z.output<typeof courtSchema>;
export type Courts = z.output<typeof courtsFileSchema>;

/** Checks a courts list against the facilities' regions: one court per region, codes unique. */
export function checkCourts(courts: Courts, facilities: Facilities, map: SourceMap | null): Courts {
  const regions = new Set(facilities.regions.map((r) => r.code));
  const errors: LocatedError[] = [];
  const at = (path: (string | number)[], message: Message): LocatedError => (map ? map.error(path, message) : unlocated('(courts)', path, message));
  const codes = new Set<string>();
  const byRegion = new Set<string>();
  courts.courts.forEach((c, i) => {
    if (!regions.has(c.region)) errors.push(at(['courts', i, 'region'], msg('facilities.unknown_region_courts', { region: c.region })));
    if (byRegion.has(c.region)) errors.push(at(['courts', i, 'region'], msg('courts.second_court', { region: c.region })));
    if (codes.has(c.code)) errors.push(at(['courts', i, 'code'], msg('facilities.code_twice', { code: c.code })));
    codes.add(c.code);
    byRegion.add(c.region);
  });
  if (errors.length > 0) throw new DataFileError(errors);
  return courts;
}

export type CourtChoice =
  | { court: Court; basis: 'facility_region' | 'record_region'; region: string }
  | { court: null; why: Text };

/** Which court a person's submission goes to (the rule above). */
export function courtFor(person: { facility: string | null; region: string | null }, facilities: Facilities, courts: Courts): CourtChoice {
  const facility = person.facility === null ? undefined : facilities.facilities.find((f) => f.code === person.facility);
  const region = facility?.region ?? person.region;
  if (region === null || region === undefined)
    return {
      court: null,
      why: COURT_TEXTS.noRegion,
    };
  const court = courts.courts.find((c) => c.region === region);
  if (!court)
    return {
      court: null,
      why: renderAll(COURT_TEXTS.noCourt, () => ({ region })),
    };
  return { court, basis: facility ? 'facility_region' : 'record_region', region };
}

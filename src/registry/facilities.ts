/**
 * Penal institutions and probation services: codes, names in kk and ru, type, region, capacity.
 * Registries refer to a facility by its code; occupancy relief is measured against capacity.
 */
import { msg } from '../i18n/message.ts';
import { z } from 'zod';
import { SEXES } from '../domain/enums.ts';
import { DataFileError, loadDataFile } from '../domain/located.ts';
import type { Text } from '../i18n/text.ts';

/** Names in kk and ru; `en` is optional (a ministry's own list may lack it) and falls back to ru. */
const regionSchema = z.strictObject({ code: z.string().min(1), ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1).optional() });

const facilitySchema = z.discriminatedUnion('type', [
  z.strictObject({
    code: z.string().min(1),
    type: z.literal('institution'),
    sex: z.enum(SEXES),
    region: z.string().min(1),
    capacity: z.number().int().positive(),
    ru: z.string().min(1),
    kk: z.string().min(1),
    en: z.string().min(1).optional(),
  }),
  z.strictObject({
    code: z.string().min(1),
    type: z.literal('probation'),
    region: z.string().min(1),
    ru: z.string().min(1),
    kk: z.string().min(1),
    en: z.string().min(1).optional(),
  }),
]);

export const facilitiesFileSchema = z.strictObject({
  synthetic: z.boolean(),
  source: z.string().min(1),
  regions: z.array(regionSchema).min(1),
  facilities: z.array(facilitySchema).min(1),
});

export type Region = z.output<typeof regionSchema>;
export type Facility = z.output<typeof facilitySchema>;
export type Facilities = z.output<typeof facilitiesFileSchema>;

export function loadFacilities(path: string): Facilities {
  const { data, map } = loadDataFile(facilitiesFileSchema, path);
  const regions = new Set(data.regions.map((r) => r.code));
  const codes = new Set<string>();
  const errors = [];
  for (const [i, f] of data.facilities.entries()) {
    if (!regions.has(f.region)) errors.push(map.error(['facilities', i, 'region'], msg('facilities.unknown_region', { region: f.region })));
    if (codes.has(f.code)) errors.push(map.error(['facilities', i, 'code'], msg('facilities.code_twice', { code: f.code })));
    codes.add(f.code);
  }
  if (errors.length > 0) throw new DataFileError(errors);
  return data;
}

/** The name of a region or facility in the three languages (English falls back to Russian). */
export function nameOf(entry: { ru: string; kk: string; en?: string | undefined }): Text {
  return { kk: entry.kk, ru: entry.ru, en: entry.en ?? entry.ru };
}

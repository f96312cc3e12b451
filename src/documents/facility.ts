/** The persons of one facility (penal institution or probation service), in registry order. */
import { UserError } from '../domain/errors.ts';
import type { Facilities, Facility } from '../registry/facilities.ts';
import type { Registry } from '../registry/registry.ts';
import { render, type Lang } from '../i18n/text.ts';
import { NO_FACILITY } from '../i18n/documents/facility-list.ts';

export function facilityOf(facilities: Facilities, code: string, lang: Lang): Facility {
  const f = facilities.facilities.find((x) => x.code === code);
  if (!f) throw new UserError(render(NO_FACILITY, lang, { code, examples: facilities.facilities.slice(0, 3).map((x) => x.code).join(', ') }));
  return f;
}

/** Row indexes of the registry's persons held or supervised by the facility. */
export function personsOf(registry: Registry, code: string): number[] {
  const col = registry.columns.facility;
  const k = col.values.indexOf(code);
  if (k <= 0) return [];
  const out: number[] = [];
  for (let i = 0; i < registry.size; i++) if (col.codes[i] === k) out.push(i);
  return out;
}

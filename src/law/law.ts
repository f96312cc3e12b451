/**
 * The legal reference data loaded together: the Criminal Code table, the dated parameters, and the
 * Code's limits on amnesty acts.
 */
import { DEFAULT_PATHS } from '../paths.ts';
import { loadAmnestyLimits, type AmnestyLimits } from './amnesty-limits.ts';
import { loadCriminalCode, type CriminalCode } from './criminal-code.ts';
import { loadParameters, type Parameters } from './parameters.ts';

export interface Law {
  criminalCode: CriminalCode;
  parameters: Parameters;
  /** What the Criminal Code forbids an amnesty act to reach (Art. 78 part 2), inherited by every act. */
  amnestyLimits: AmnestyLimits;
}

export function loadLaw(paths: { criminalCode: string; parameters: string; amnestyLimits: string } = DEFAULT_PATHS): Law {
  const criminalCode = loadCriminalCode(paths.criminalCode);
  const parameters = loadParameters(paths.parameters);
  return { criminalCode, parameters, amnestyLimits: loadAmnestyLimits(paths.amnestyLimits, criminalCode, parameters) };
}

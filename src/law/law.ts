/** The legal reference data loaded together: the Criminal Code table and the dated parameters. */
import { DEFAULT_PATHS } from '../paths.ts';
import { loadCriminalCode, type CriminalCode } from './criminal-code.ts';
import { loadParameters, type Parameters } from './parameters.ts';

export interface Law {
  criminalCode: CriminalCode;
  parameters: Parameters;
}

export function loadLaw(paths: { criminalCode: string; parameters: string } = DEFAULT_PATHS): Law {
  return { criminalCode: loadCriminalCode(paths.criminalCode), parameters: loadParameters(paths.parameters) };
}

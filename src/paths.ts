/** Where the project's own data files lie, whatever the working directory. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_PATHS = {
  criminalCode: resolve(PROJECT_ROOT, 'law/criminal-code.yaml'),
  parameters: resolve(PROJECT_ROOT, 'law/parameters.yaml'),
  amnestyLimits: resolve(PROJECT_ROOT, 'law/amnesty-limits.yaml'),
  profile: resolve(PROJECT_ROOT, 'profiles/kz-2025.yaml'),
  letterFigures: resolve(PROJECT_ROOT, 'reports/letter-kz-2025.yaml'),
  acts: resolve(PROJECT_ROOT, 'acts'),
  impact: resolve(PROJECT_ROOT, 'reports/impact-kz.yaml'),
  results: resolve(PROJECT_ROOT, 'reports/results-kz-2025.yaml'),
  facilities: resolve(PROJECT_ROOT, 'data/facilities-kz.yaml'),
} as const;

/** The seed of the default synthetic registry. */
export const DEFAULT_SEED = 2025;

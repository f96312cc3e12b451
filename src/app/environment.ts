/**
 * What every use case reads besides the store: the law (Criminal Code table and dated parameters),
 * the facilities, the impact configuration and the letter's definition — loaded once — and their
 * fingerprints, which key every evaluation run (docs/architecture.md, "Provenance").
 */
import { loadLetterSignature, type LetterSignature } from '../documents/signature.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLaw, type Law } from '../law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../paths.ts';
import { loadFacilities, type Facilities } from '../registry/facilities.ts';
import { loadImpactConfig, type ImpactConfig } from '../impact/config.ts';
import { loadLetterDefinition, type LetterDefinition } from '../reports/letter.ts';
import { lawHash as criminalCodeHash } from '../registry/snapshot.ts';
import { DOCUMENT_PATHS, loadCourts } from '../documents/load.ts';
import type { Courts } from '../documents/courts.ts';
import { loadSecurityPolicy, type SecurityPolicy } from './security.ts';

/** The folders of data files a run may read: the law, the facilities, the report definitions. */
export const DATA_FOLDERS = ['law', 'data', 'reports'] as const;
/** The engine's sources: a change to one of them is a new engine version. */
const ENGINE_FOLDERS = ['src/engine', 'src/law', 'src/impact', 'src/registry', 'src/domain'] as const;

export interface FileFingerprint {
  path: string;
  sha256: string;
}

export interface Fingerprint {
  /** SHA-256 over the sorted list of files and their hashes. */
  hash: string;
  files: FileFingerprint[];
}

export interface Environment {
  law: Law;
  /** Every data file a run may read (Criminal Code, parameters, facilities, report definitions…). */
  lawFingerprint: Fingerprint;
  /** The table article indexes refer to (registry snapshots are tied to it). */
  criminalCodeHash: string;
  /** `<package version>+<hash of the engine's sources>`. */
  engineVersion: string;
  facilities: Facilities;
  /** The courts that decide submissions (data/courts-kz.yaml). */
  courts: Courts;
  /** Who signs the reply letter unless the request names them (data/letter-signature.yaml). */
  letterSignature: LetterSignature;
  impactConfig: ImpactConfig;
  letter: LetterDefinition;
  /** Passwords, sessions, sign-in attempts (data/security.yaml). */
  security: SecurityPolicy;
}

function* filesUnder(dir: string, accept: (name: string) => boolean): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path, accept);
    else if (accept(name)) yield path;
  }
}

export function fingerprint(root: string, folders: readonly string[], accept: (name: string) => boolean): Fingerprint {
  const files: FileFingerprint[] = [];
  for (const f of folders) for (const path of filesUnder(join(root, f), accept)) files.push({ path: relative(root, path), sha256: createHash('sha256').update(readFileSync(path)).digest('hex') });
  const hash = createHash('sha256')
    .update(files.map((f) => `${f.path}\t${f.sha256}`).join('\n'))
    .digest('hex');
  return { hash, files };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export function loadEnvironment(): Environment {
  const law = loadLaw();
  const engine = fingerprint(PROJECT_ROOT, ENGINE_FOLDERS, (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
  const facilities = loadFacilities(DEFAULT_PATHS.facilities);
  return {
    law,
    lawFingerprint: fingerprint(PROJECT_ROOT, DATA_FOLDERS, (n) => /\.(ya?ml|json|csv)$/.test(n)),
    criminalCodeHash: criminalCodeHash(law.criminalCode),
    engineVersion: `${packageVersion()}+${engine.hash.slice(0, 12)}`,
    facilities,
    courts: loadCourts(DOCUMENT_PATHS.courts, facilities),
    impactConfig: loadImpactConfig(DEFAULT_PATHS.impact, law),
    letter: loadLetterDefinition(DEFAULT_PATHS.letterFigures, law),
    letterSignature: loadLetterSignature(DOCUMENT_PATHS.letterSignature),
    security: loadSecurityPolicy(),
  };
}

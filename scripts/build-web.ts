/**
 * Builds the web app (web/ → web/dist) when it is not built or its sources changed since the last
 * build: the hash of every source file (web/src, web/index.html, the Vite and TypeScript configs,
 * the lock file) is kept in web/dist/.source-hash. `npm start` and the browser tests call this.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/paths.ts';

export const WEB_DIR = join(PROJECT_ROOT, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');
const HASH_FILE = join(WEB_DIST, '.source-hash');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** The hash of everything the build reads from this project (the lock file stands for node_modules). */
export function webSourceHash(): string {
  const h = createHash('sha256');
  const files = [
    ...filesUnder(join(WEB_DIR, 'src')),
    ...filesUnder(join(WEB_DIR, 'public')),
    join(WEB_DIR, 'index.html'),
    join(WEB_DIR, 'vite.config.ts'),
    join(WEB_DIR, 'tsconfig.json'),
    join(PROJECT_ROOT, 'package-lock.json'),
    // The web app reads the types of the impact report.
    join(PROJECT_ROOT, 'src/impact/report.ts'),
  ];
  for (const f of files) {
    if (!existsSync(f)) continue;
    h.update(relative(PROJECT_ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

export function webIsBuilt(): boolean {
  return existsSync(join(WEB_DIST, 'index.html')) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === webSourceHash();
}

/** Builds web/dist unless it is up to date; returns whether it built. */
export async function ensureWebBuilt(log: (line: string) => void = () => undefined): Promise<boolean> {
  if (webIsBuilt()) return false;
  const hash = webSourceHash();
  log('Building the web app (web/ → web/dist) …');
  const t0 = performance.now();
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(HASH_FILE, `${hash}\n`);
  log(`The web app is built (${((performance.now() - t0) / 1000).toFixed(1)} s).`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  if (force && existsSync(HASH_FILE)) writeFileSync(HASH_FILE, 'stale\n');
  ensureWebBuilt((line) => process.stderr.write(`${line}\n`)).catch((e: unknown) => {
    process.stderr.write(`The web app did not build: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

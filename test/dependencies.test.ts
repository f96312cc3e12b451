/**
 * Every installed package supports the Node.js the project runs on: the lowest version its own
 * `engines` allows (package.json, ">=20") satisfies each package's `engines.node` in the lock file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/paths.ts';

const lockSchema = z.object({ packages: z.record(z.string(), z.object({ version: z.string().optional(), engines: z.unknown().optional() })) });

describe('dependencies', () => {
  it("each package's engines allow the lowest Node.js the project supports", () => {
    const ours = z.object({ engines: z.object({ node: z.string() }) }).parse(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')));
    const lowest = semver.minVersion(ours.engines.node);
    expect(lowest).not.toBeNull();
    const lock = lockSchema.parse(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')));
    const refused: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      if (path === '') continue;
      const engines = z.object({ node: z.string() }).safeParse(pkg.engines);
      if (engines.success && !semver.satisfies(lowest!, engines.data.node)) refused.push(`${path}@${pkg.version ?? '?'} wants node ${engines.data.node}`);
    }
    expect(refused).toEqual([]);
  });
});

/**
 * The use cases' context: the environment (law and data files), the store, and the caches that
 * keep the columnar registries, compiled plans and evaluated outcomes in memory by content hash.
 * Nothing here speaks HTTP or reads argv: the server and the CLI build a context and call src/app.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Breakdown } from '../engine/act/breakdown.ts';
import type { Outcomes } from '../engine/act/outcome.ts';
import type { Plan } from '../engine/act/plan.ts';
import type { Registry } from '../registry/registry.ts';
import type { Db } from '../store/db.ts';
import type { User } from '../store/users.ts';
import type { ComputePool } from './compute-pool.ts';
import type { Environment } from './environment.ts';
import type { Role } from './roles.ts';

/** Who asks: every use case that reads person data or changes something records it in the audit log. */
export interface Actor {
  userId: number | null;
  username: string;
  role: Role;
  facilities: readonly string[];
  regions: readonly string[];
  courts: readonly string[];
  /** Where the request came from (an IP address, or `cli`). */
  ip: string | null;
}

/** A small least-recently-used cache. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }
  delete(key: K): void {
    this.map.delete(key);
  }
  get size(): number {
    return this.map.size;
  }
}

export interface Evaluated {
  outcomes: Outcomes;
  breakdown: Breakdown;
  /** Milliseconds the kernel took. */
  ms: number;
}

/** Progress of an upload being imported, for `GET /api/registries/imports/{id}`. */
export interface ImportProgress {
  phase: 'receiving' | 'reading' | 'storing' | 'done';
  /** Bytes of the file received. */
  bytes: number;
  rows: number;
  /** Share of the file read, where known. */
  fraction: number | null;
}

export interface AppContext {
  env: Environment;
  db: Db;
  /** Scratch files (uploads, snapshots on their way to and from the store). */
  tmpDir: string;
  registries: Lru<string, Registry>;
  /** Plans by act hash. */
  plans: Lru<string, Plan>;
  /** Outcomes by plan hash, registry id and day. */
  evaluations: Lru<string, Evaluated>;
  imports: Map<string, ImportProgress>;
  /** Registries being loaded from the store (one load per id at a time). */
  loading: Map<string, Promise<Registry>>;
  /** Sessions checked in the last few seconds, by token hash (src/app/users.ts). */
  sessions: Map<string, { user: User; checkedAt: number }>;
  /** Worker threads for what-if (the server starts them; without them the work is done inline). */
  pool: ComputePool | null;
}

export function createContext(env: Environment, db: Db, options: { tmpDir?: string } = {}): AppContext {
  const tmpDir = options.tmpDir ?? join(tmpdir(), 'amnestia');
  mkdirSync(tmpDir, { recursive: true });
  return {
    env,
    db,
    tmpDir,
    registries: new Lru(4),
    plans: new Lru(256),
    evaluations: new Lru(64),
    imports: new Map(),
    loading: new Map(),
    sessions: new Map(),
    pool: null,
  };
}

/** The actor of the command line: the operating-system user running it. */
export function cliActor(username: string): Actor {
  return { userId: null, username, role: 'admin', facilities: [], regions: [], courts: [], ip: 'cli' };
}

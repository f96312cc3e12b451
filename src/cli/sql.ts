/** The SQL side of the command line: storing a registry in PostgreSQL, and evaluating in SQL. */
import { entryAt, present } from '../domain/lookup.ts';
import { actDoubts, outcomeDoubts } from '../engine/act/doubt.ts';
import { EXIT, UserError } from '../domain/errors.ts';
import { isoDay } from '../domain/dates.ts';
import { render, type Lang } from '../i18n/text.ts';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS } from '../paths.ts';
import { resolveActPath } from '../engine/act/act-tests.ts';
import { outcomeAt, outcomeRow, STATUS } from '../engine/act/outcome.ts';
import { outcomeDetails } from '../engine/act/evaluate.ts';
import type { Registry } from '../registry/registry.ts';
import { loadAct } from '../engine/act/plan.ts';
import { DuckDbBackend, PostgresBackend, type SqlBackend } from '../engine/sql/backend.ts';
import { openRegistry } from './registry-source.ts';
import { CLI_SQL_TEXTS as T } from '../i18n/cli.ts';

function databaseUrl(option: string | undefined, lang: Lang): string {
  const url = option ?? process.env['DATABASE_URL'];
  if (!url) throw new UserError(render(T.noDatabase, lang));
  return url;
}

/** Where the password of a URL would be shown, stars. */
function safeUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Connects to PostgreSQL; a database that cannot be reached is a clean message (exit code 3), not a stack. */
async function connect(url: string, lang: Lang): Promise<PostgresBackend> {
  try {
    return await PostgresBackend.open(url);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UserError(render(T.unreachable, lang, { db: safeUrl(url), detail: detail ?? '' }), EXIT.unreadable);
  }
}

export async function dbLoadCommand(opts: { registry?: string; database?: string; lang: Lang; sheet?: string }): Promise<void> {
  const law = loadLaw();
  const url = databaseUrl(opts.database, opts.lang);
  const { registry } = await openRegistry(law, opts.registry, opts.lang, () => undefined, opts.sheet);
  const backend = await connect(url, opts.lang);
  try {
    const t0 = performance.now();
    await backend.loadRegistry(registry, law);
    process.stdout.write(`${render(T.loaded, opts.lang, { persons: registry.size, db: safeUrl(url), ms: Math.round(performance.now() - t0) })}\n`);
  } finally {
    await backend.close();
  }
}

/**
 * evaluate --engine sql: with a database (PostgreSQL) the registry stored there; otherwise the
 * registry file (or the default registry) loaded into an in-process DuckDB.
 */
export async function evaluateSqlCommand(opts: { act: string; registry?: string; database?: string; asOf?: string; lang: Lang; sheet?: string }): Promise<void> {
  const law = loadLaw();
  const { plan } = loadAct(resolveActPath(opts.act, DEFAULT_PATHS.acts), law);
  const day = opts.asOf ? isoDay(opts.asOf) : plan.entryIntoForce;
  const url = opts.database ?? (opts.registry === undefined ? process.env['DATABASE_URL'] : undefined);
  let backend: SqlBackend;
  let size: number;
  let ids: string[];
  /** The registry in memory (DuckDB): the unknown facts of a needs-review outcome are named as the kernel engine names them. */
  let registry: Registry | null = null;
  if (url) {
    backend = await connect(url, opts.lang);
    size = await backend.personCount().catch(() => 0);
    if (size === 0) {
      await backend.close();
      throw new UserError(render(T.empty, opts.lang, { db: safeUrl(url) }));
    }
    ids = await backend.personIds(size);
  } else {
    registry = (await openRegistry(law, opts.registry, opts.lang, () => undefined, opts.sheet)).registry;
    backend = await DuckDbBackend.open();
    await backend.loadRegistry(registry, law);
    size = registry.size;
    ids = [...registry.personId];
  }
  try {
    const outcomes = await backend.outcomes(plan, law, size, day);
    const doubts = actDoubts(plan, law, day);
    for (let i = 0; i < size; i++) {
      const { outcome, reasons } =
        registry !== null && outcomes.status[i] === STATUS.needs_review ? outcomeDetails(plan, registry, law, outcomes, i, day) : { outcome: outcomeAt(outcomes, i), reasons: [outcomeAt(outcomes, i).reason] };
      // the Criminal Code parts a person's outcome rests on are known only with the registry in memory
      const parts = registry === null ? null : (registry.articlesOf(i) ?? []).map((a) => entryAt(law.criminalCode.parts, a, 'Criminal Code part'));
      process.stdout.write(`${JSON.stringify(outcomeRow(plan, present(ids[i], `person id of row ${i}`), outcome, reasons, outcomeDoubts(doubts, outcome, parts)))}\n`);
    }
  } finally {
    await backend.close();
  }
}

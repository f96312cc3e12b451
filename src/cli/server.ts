/** The commands of the server and its store: `serve` (and `start`), `users add`, `audit verify`. */
import { argumentError } from './arguments.ts';
import { msg } from '../i18n/message.ts';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createContext, cliActor } from '../app/context.ts';
import { loadEnvironment } from '../app/environment.ts';
import { ROLES, type Role } from '../app/roles.ts';
import { createUser, generatePassword } from '../app/users.ts';
import { UserError } from '../domain/errors.ts';
import { isLang, render, type Lang } from '../i18n/text.ts';
import { SERVE_MESSAGES as M } from '../i18n/serve.ts';
import { verifyAudit } from '../store/audit.ts';
import { openStore } from '../store/open.ts';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, DEFAULT_THREADS, DEFAULT_WEB_ROOT, serve } from '../server/serve.ts';
import { userInfo } from 'node:os';

const langOption = () =>
  new Option('--lang <lang>', 'language of the output: kk, ru or en').default('ru').argParser((v) => {
    if (!isLang(v)) throw argumentError(msg('cli.expected_lang'));
    return v;
  });

const portArg = (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw argumentError(msg('cli.expected_port'));
  return n;
};

interface ServeCli {
  port: number;
  host: string;
  dataDir: string;
  lang: Lang;
  secureCookies: boolean;
  log: boolean;
  registryPersons?: number;
  threads: number;
}

async function serveCommand(opts: ServeCli): Promise<void> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let started;
  try {
    started = await serve(
      {
        port: opts.port,
        host: opts.host,
        dataDir: opts.dataDir,
        databaseUrl: process.env['DATABASE_URL'] || undefined,
        lang: opts.lang,
        secureCookies: opts.secureCookies,
        logger: opts.log,
        webRoot: DEFAULT_WEB_ROOT,
        registryPersons: opts.registryPersons,
        threads: opts.threads,
      },
      print,
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(render(M.portTaken, opts.lang, { port: opts.port }));
    throw e;
  }
  const stop = async () => {
    process.stderr.write(`${render(M.stopping, opts.lang)}\n`);
    await started.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function addServeOptions(cmd: Command): Command {
  return cmd
    .option('--port <port>', 'port to listen on', portArg, DEFAULT_PORT)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--data-dir <dir>', 'the data folder (PGlite store, first-start passwords); DATABASE_URL selects a PostgreSQL server instead', DEFAULT_DATA_DIR)
    .option('--secure-cookies', 'mark the session cookie Secure (behind TLS)', false)
    .option('--log', 'log every request (JSON lines on standard output)', false)
    .option('--threads <n>', 'worker threads for what-if (0: on the HTTP thread)', (v) => {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 64) throw argumentError(msg('cli.expected_range', { min: 0, max: 64 }));
      return n;
    }, DEFAULT_THREADS)
    .option('--registry-persons <n>', 'persons of the synthetic registry loaded into an empty store (default: the national profile, 61 899)', (v) => {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 100 || n > 20_000_000) throw argumentError(msg('cli.expected_range', { min: 100, max: 20_000_000 }));
      return n;
    })
    .addOption(langOption());
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function openForCli(dataDir: string) {
  const env = loadEnvironment();
  const db = await openStore({ databaseUrl: process.env['DATABASE_URL'] || undefined, dataDir: resolve(dataDir) });
  return createContext(env, db, { tmpDir: resolve(dataDir, 'tmp') });
}

export function registerServerCommands(program: Command): void {
  addServeOptions(program.command('serve').description('serve the API and the web app on the store (PGlite in --data-dir, or DATABASE_URL)')).action(serveCommand);
  addServeOptions(
    program.command('start').description('the product: the server on the embedded store with the default registry and the shipped acts (as npm start)'),
  ).action(serveCommand);

  program
    .command('users')
    .description('users of the server')
    .command('add')
    .description('add a user; the password is read from standard input with --password-stdin, otherwise generated and printed once')
    .requiredOption('--username <name>', 'lower-case letters, digits, dot, dash, underscore')
    .addOption(new Option('--role <role>', 'the role').choices([...ROLES]).makeOptionMandatory())
    .option('--facility <codes...>', 'officer: the facilities or probation services whose persons they see')
    .option('--region <codes...>', 'supervisor: the regions whose persons they see')
    .option('--court <codes...>', 'court: the courts whose submissions they see')
    .option('--password-stdin', 'read the password from standard input', false)
    .option('--data-dir <dir>', 'the data folder (or DATABASE_URL)', DEFAULT_DATA_DIR)
    .addOption(langOption())
    .action(async (opts: { username: string; role: Role; facility?: string[]; region?: string[]; court?: string[]; passwordStdin: boolean; dataDir: string; lang: Lang }) => {
      let password = opts.passwordStdin ? await readStdin() : generatePassword();
      if (password.length === 0) throw new UserError(render(M.emptyPassword, opts.lang));
      const ctx = await openForCli(opts.dataDir);
      try {
        const user = await createUser(ctx, cliActor(userInfo().username), { username: opts.username, role: opts.role, password, facilities: opts.facility, regions: opts.region, courts: opts.court });
        process.stdout.write(`${render(M.userAdded, opts.lang, { username: user.username, role: user.role })}\n`);
        if (!opts.passwordStdin) process.stdout.write(`${render(M.passwordOnce, opts.lang, { password })}\n`);
        password = '';
      } finally {
        await ctx.db.close();
      }
    });

  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description('recompute the audit log’s hash chain: exit 0 when intact, 1 naming the first broken entry')
    .option('--data-dir <dir>', 'the data folder (or DATABASE_URL)', DEFAULT_DATA_DIR)
    .addOption(langOption())
    .action(async (opts: { dataDir: string; lang: Lang }) => {
      const db = await openStore({ databaseUrl: process.env['DATABASE_URL'] || undefined, dataDir: resolve(opts.dataDir) });
      try {
        const v = await verifyAudit(db);
        if (v.ok) process.stdout.write(`${render(M.auditOk, opts.lang, { entries: v.entries, hash: v.headHash })}\n`);
        else {
          process.stdout.write(`${render(M.auditBroken, opts.lang, { seq: v.firstBroken, reason: v.reason })}\n`);
          process.exitCode = 1;
        }
      } finally {
        await db.close();
      }
    });
}

/** The commands of the server and its store: `serve` (and `start`), `users add`, `audit verify`. */
import { argumentError } from './arguments.ts';
import { msg, renderMessage } from '../i18n/message.ts';
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
  new Option('--lang <lang>').default('ru').argParser((v) => {
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
    .addOption(new Option('--port <port>').argParser(portArg).default(DEFAULT_PORT))
    .addOption(new Option('--host <host>').default('127.0.0.1'))
    .addOption(new Option('--data-dir <dir>').default(DEFAULT_DATA_DIR))
    .addOption(new Option('--secure-cookies').default(false))
    .addOption(new Option('--log').default(false))
    .addOption(
      new Option('--threads <n>')
        .argParser((v) => {
          const n = Number(v);
          if (!/^\d+$/.test(v) || n > 64) throw argumentError(msg('cli.expected_range', { min: 0, max: 64 }));
          return n;
        })
        .default(DEFAULT_THREADS),
    )
    .addOption(
      new Option('--registry-persons <n>').argParser((v) => {
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 100 || n > 20_000_000) throw argumentError(msg('cli.expected_range', { min: 100, max: 20_000_000 }));
        return n;
      }),
    )
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
  addServeOptions(program.command('serve')).action(serveCommand);
  addServeOptions(
    program.command('start'),
  ).action(serveCommand);

  program
    .command('users')
    .command('add')
    .requiredOption('--username <name>')
    .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
    .option('--facility <codes...>')
    .option('--region <codes...>')
    .option('--court <codes...>')
    .addOption(new Option('--password-stdin').default(false))
    .addOption(new Option('--data-dir <dir>').default(DEFAULT_DATA_DIR))
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
    .command('verify')
    .addOption(new Option('--data-dir <dir>').default(DEFAULT_DATA_DIR))
    .addOption(langOption())
    .action(async (opts: { dataDir: string; lang: Lang }) => {
      const db = await openStore({ databaseUrl: process.env['DATABASE_URL'] || undefined, dataDir: resolve(opts.dataDir) });
      try {
        const v = await verifyAudit(db);
        if (v.ok) process.stdout.write(`${render(M.auditOk, opts.lang, { entries: v.entries, hash: v.headHash })}\n`);
        else {
          process.stdout.write(`${render(M.auditBroken, opts.lang, { seq: v.firstBroken, reason: renderMessage(v.reason, opts.lang) })}\n`);
          process.exitCode = 1;
        }
      } finally {
        await db.close();
      }
    });
}

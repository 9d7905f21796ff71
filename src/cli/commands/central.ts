import { basename, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { AdminOp, AdminOutput } from '../../central/admin-ops';
import { runAdminCommand, startCentralService } from '../../central/central-process';
import { CONSOLE_ROLES } from '../../central/console/accounts-store';
import { TOKEN_SCOPES } from '../../central/staff-tokens/scopes';
import { defaultDataDir } from '../../core/platform/data-dir';
import { Network, networks } from '../../shared/contract/verifications';
import { cliLanguage, type GlobalOptions, printJson, t } from '../context';
import { readNewPassword } from '../password';
import { centralBlueskyCommand } from './central-bluesky';
import { centralPrivacyCommand } from './central-privacy';
import { type ImportFlags, printReport, readInputFile, reportJson } from './register';

interface StoreOptions {
  readonly databaseUrl?: string;
}

const parseNetwork = (value: string): Network => {
  const network = Network.safeParse(value.toLowerCase());
  if (!network.success)
    throw new InvalidArgumentError(t('cli.central.badNetwork', { networks: networks.join(', ') }));
  return network.data;
};

const parseConsoleRole = (value: string): string => {
  const role = value.toLowerCase();
  if (!(CONSOLE_ROLES as readonly string[]).includes(role))
    throw new InvalidArgumentError(t('console.cli.badRole', { roles: CONSOLE_ROLES.join(', ') }));
  return role;
};

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError(t('cli.serve.badPort'));
  return port;
};

const targetOf = (cmd: Command) => {
  const opts = cmd.optsWithGlobals<GlobalOptions & StoreOptions>();
  return {
    dataDir: resolve(opts.dataDir ?? defaultDataDir()),
    databaseUrl: opts.databaseUrl ?? process.env.VENTANILLA_DATABASE_URL,
  };
};

/** One admin operation: to the central running on this folder, else on the database here. */
const admin = <K extends AdminOp>(cmd: Command, op: K, input: unknown): Promise<AdminOutput<K>> =>
  runAdminCommand(targetOf(cmd), op, input);

/** `central register import FILE`: the padrón at central, sent to counters as deltas. */
const registerCommand = (): Command => {
  const register = new Command('register').description(t('cli.central.register'));
  register
    .command('import')
    .description(t('cli.central.registerImport'))
    .argument('<file>', t('residents.cli.fileArgument'))
    .option('--dry-run', t('residents.cli.dryRun'))
    .option('--allow-mass-deregistration', t('residents.cli.allowMassOption'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (file: string, opts: ImportFlags, cmd: Command) => {
      const report = await admin(cmd, 'registerImport', {
        file_base64: readInputFile(file).toString('base64'),
        file_name: basename(file),
        dry_run: opts.dryRun ?? false,
        allow_mass_deregistration: opts.allowMassDeregistration ?? false,
        language: cliLanguage(),
      });
      if (!opts.json) return printReport(report);
      printJson({ ...reportJson(report), dry_run: report.dry_run });
    });
  return register;
};

/** `central staff add NAME --role ROLE`: a web console account (the first one is made here). */
const staffCommand = (): Command => {
  const staff = new Command('staff').description(t('console.cli.staff'));
  staff
    .command('add')
    .description(t('console.cli.staffAdd'))
    .argument('<username>', t('console.cli.username'))
    .requiredOption('--role <role>', t('console.cli.role'), parseConsoleRole)
    .option('--display-name <name>', t('console.cli.displayName'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(
      async (username: string, opts: { role: string; displayName?: string }, cmd: Command) => {
        const added = await admin(cmd, 'staffAdd', {
          username,
          display_name: opts.displayName ?? username,
          role: opts.role,
          password: await readNewPassword(),
        });
        process.stdout.write(`${t('console.cli.staffAdded', added)}\n`);
      },
    );
  return staff;
};

/** `central forms publish FILE`: a new template version, sent to counters as a change. */
const formsCommand = (): Command => {
  const forms = new Command('forms').description(t('cli.central.forms'));
  forms
    .command('publish')
    .description(t('cli.central.formsPublish'))
    .argument('<file>', t('cli.central.formsFile'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      const published = await admin(cmd, 'formsPublish', {
        file_base64: readInputFile(file).toString('base64'),
      });
      if (opts.json) printJson(published);
      else process.stdout.write(`${t('cli.central.formsPublished', { ...published })}\n`);
    });
  return forms;
};

export const centralCommand = (): Command => {
  const central = new Command('central').description(t('cli.central.description'));

  central
    .command('serve')
    .description(t('cli.central.serve'))
    .option('--port <n>', t('cli.central.port'), parsePort, 8443)
    .option('--host <address>', t('cli.central.host'), '127.0.0.1')
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (opts: { port: number; host: string }, cmd: Command) => {
      const central = await startCentralService(
        targetOf(cmd),
        { port: opts.port, host: opts.host },
        { logLevel: 'info' },
      );
      process.stdout.write(
        `${t('cli.central.listening', { url: central.url, engine: central.engine })}\n`,
      );
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      // In-flight requests finish, then the store closes and the folder's lock is released.
      await central.close();
    });

  central
    .command('enroll-device')
    .description(t('cli.central.enrollDevice'))
    .argument('<name>', t('cli.central.deviceName'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      const result = await admin(cmd, 'enrollDevice', { name });
      if (opts.json) printJson(result);
      else
        process.stdout.write(
          `${t('cli.central.code', { name, code: result.code, expires: result.expires_at })}\n`,
        );
    });

  central
    .command('revoke-device')
    .description(t('cli.central.revokeDevice'))
    .argument('<id>', t('cli.central.deviceId'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      if ((await admin(cmd, 'revokeDevice', { id })).revoked)
        process.stdout.write(`${t('cli.central.revoked', { id })}\n`);
      else {
        process.stderr.write(`${t('cli.central.notFound')}\n`);
        process.exitCode = 1;
      }
    });

  central
    .command('devices')
    .description(t('cli.central.devices'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { devices } = await admin(cmd, 'devices', {});
      if (opts.json) return printJson({ devices });
      for (const r of devices) {
        const state = [
          r.revoked_at ? t('cli.central.revokedState') : '',
          r.audit_flag
            ? t('cli.central.auditFlag', {
                problem: r.audit_flag.problem,
                seq: r.audit_flag.seq ?? '—',
              })
            : '',
          r.last_error ?? '',
        ]
          .filter(Boolean)
          .join('  ');
        process.stdout.write(
          `${t('cli.central.deviceLine', {
            name: r.name,
            id: r.id,
            seen: r.last_seen_at ?? '—',
            depth: r.queue_depth ?? '—',
            state,
          })}\n`,
        );
      }
    });

  central
    .command('token')
    .description(t('cli.central.token'))
    .argument('<name>', t('cli.central.tokenName'))
    .option('--scope <list>', t('console.cli.scope', { scopes: TOKEN_SCOPES.join(', ') }))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (name: string, opts: { scope?: string }, cmd: Command) => {
      const scopes = opts.scope?.split(',').map((s) => s.trim().toLowerCase());
      const { token } = await admin(cmd, 'token', { name, scopes });
      process.stdout.write(`${t('cli.central.tokenCreated', { token })}\n`);
    });

  central
    .command('request-verification')
    .description(t('cli.central.requestVerification'))
    .argument('<resident-id>', t('cli.central.residentId'))
    .argument('<network>', t('cli.central.network'), parseNetwork)
    .argument('<handle>', t('cli.central.handle'))
    .option('--user-id <id>', t('cli.central.platformUserId'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(
      async (
        residentId: string,
        network: Network,
        handle: string,
        opts: { userId?: string; json?: boolean },
        cmd: Command,
      ) => {
        const request = await admin(cmd, 'requestVerification', {
          resident_id: residentId,
          network,
          handle,
          platform_user_id: opts.userId,
        });
        if (opts.json) printJson(request);
        else process.stdout.write(`${t('cli.central.requestCreated', request)}\n`);
      },
    );

  central
    .command('revoke-verification')
    .description(t('cli.central.revokeVerification'))
    .argument('<id>', t('cli.central.verificationId'))
    .requiredOption('--reason <text>', t('cli.central.revokeReason'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (id: string, opts: { reason: string; json?: boolean }, cmd: Command) => {
      const answer = await admin(cmd, 'revokeVerification', { id, reason: opts.reason });
      if (opts.json) return printJson(answer);
      const key = answer.status === 'revoked' ? 'verificationRevoked' : 'alreadyRevoked';
      process.stdout.write(`${t(`cli.central.${key}`, answer)}\n`);
    });

  central.addCommand(centralBlueskyCommand(admin, (cmd) => targetOf(cmd).dataDir));
  central.addCommand(registerCommand());
  central.addCommand(formsCommand());
  central.addCommand(staffCommand());
  central.addCommand(centralPrivacyCommand(admin));

  return central;
};

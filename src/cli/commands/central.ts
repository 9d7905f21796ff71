import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  createEnrolmentCode,
  createStaffToken,
  deviceBoard,
  revokeDevice,
} from '../../central/admin';
import { opAppliers } from '../../central/appliers';
import type { CentralStore } from '../../central/db/store';
import { openCentralStore } from '../../central/open-store';
import { createVerificationRequest } from '../../central/verification-routes';
import { importRegisterAtCentral } from '../../central/register-import';
import { buildCentral } from '../../central/server';
import { publishTemplate } from '../../central/template-publish';
import { defaultDataDir } from '../../core/platform/data-dir';
import type { ImportReport } from '../../shared/contract/residents';
import { Network, networks } from '../../shared/contract/verifications';
import { cliLanguage, type GlobalOptions, printJson, t } from '../context';
import { readInputFile } from './register';

interface StoreOptions {
  readonly databaseUrl?: string;
}

const parseNetwork = (value: string): Network => {
  const network = Network.safeParse(value.toLowerCase());
  if (!network.success)
    throw new InvalidArgumentError(t('cli.central.badNetwork', { networks: networks.join(', ') }));
  return network.data;
};

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError(t('cli.serve.badPort'));
  return port;
};

/** Opens central's store for one command and always closes it. */
const withStore = async <T>(cmd: Command, fn: (store: CentralStore) => Promise<T>): Promise<T> => {
  const opts = cmd.optsWithGlobals<GlobalOptions & StoreOptions>();
  const store = await openCentralStore({
    dataDir: opts.dataDir ?? defaultDataDir(),
    databaseUrl: opts.databaseUrl ?? process.env.VENTANILLA_DATABASE_URL,
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
};

const printImport = (report: ImportReport): void => {
  const { imported, updated, unchanged, rejected, deregistered } = report;
  process.stdout.write(
    `${t('residents.cli.report', { imported, updated, unchanged, rejected, deregistered })}\n`,
  );
  for (const e of report.errors)
    process.stdout.write(`${t('residents.cli.errorLine', { line: e.line, message: e.message })}\n`);
  if (report.errors.length < report.rejected)
    process.stdout.write(
      `${t('residents.ui.moreErrors', { count: report.rejected - report.errors.length })}\n`,
    );
  if (report.dry_run) process.stdout.write(`${t('residents.cli.dryRunNote')}\n`);
};

/** `central register import FILE`: the padrón at central, sent to counters as deltas. */
const registerCommand = (): Command => {
  const register = new Command('register').description(t('cli.central.register'));
  register
    .command('import')
    .description(t('cli.central.registerImport'))
    .argument('<file>', t('residents.cli.fileArgument'))
    .option('--dry-run', t('residents.cli.dryRun'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (file: string, opts: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const bytes = readInputFile(file);
      await withStore(cmd, async (store) => {
        const report = await importRegisterAtCentral(store, bytes, {
          fileName: basename(file),
          dryRun: opts.dryRun ?? false,
          language: cliLanguage(),
        });
        if (!opts.json) return printImport(report);
        const { imported, updated, unchanged, rejected, deregistered, dry_run } = report;
        printJson({
          imported,
          updated,
          unchanged,
          rejected,
          deregistered,
          dry_run,
          errors: report.errors.map(({ line, message }) => ({ line, message })),
        });
      });
    });
  return register;
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
      const bytes = readInputFile(file);
      await withStore(cmd, async (store) => {
        const published = await publishTemplate(store, bytes);
        if (opts.json) printJson(published);
        else process.stdout.write(`${t('cli.central.formsPublished', { ...published })}\n`);
      });
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
      await withStore(cmd, async (store) => {
        const app = buildCentral({ store, appliers: opAppliers, logLevel: 'info' });
        const url = await app.listen({ port: opts.port, host: opts.host });
        process.stdout.write(`${t('cli.central.listening', { url, engine: store.engine })}\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        // In-flight requests finish; their transactions commit or roll back before the store closes.
        await app.close();
      });
    });

  central
    .command('enroll-device')
    .description(t('cli.central.enrollDevice'))
    .argument('<name>', t('cli.central.deviceName'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const result = await createEnrolmentCode(store, name.trim(), new Date());
        if (opts.json) printJson(result);
        else
          process.stdout.write(
            `${t('cli.central.code', { name, code: result.code, expires: result.expires_at })}\n`,
          );
      });
    });

  central
    .command('revoke-device')
    .description(t('cli.central.revokeDevice'))
    .argument('<id>', t('cli.central.deviceId'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withStore(cmd, async (store) => {
        if (await revokeDevice(store, id, new Date()))
          process.stdout.write(`${t('cli.central.revoked', { id })}\n`);
        else {
          process.stderr.write(`${t('cli.central.notFound')}\n`);
          process.exitCode = 1;
        }
      });
    });

  central
    .command('devices')
    .description(t('cli.central.devices'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const { devices } = await deviceBoard(store);
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
    });

  central
    .command('token')
    .description(t('cli.central.token'))
    .argument('<name>', t('cli.central.tokenName'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      await withStore(cmd, async (store) => {
        process.stdout.write(
          `${t('cli.central.tokenCreated', { token: await createStaffToken(store, name, new Date()) })}\n`,
        );
      });
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
        await withStore(cmd, async (store) => {
          const input = { resident_id: residentId, network, handle, platform_user_id: opts.userId };
          const result = await createVerificationRequest(store, input, 'cli', new Date());
          if (!result.ok) {
            process.stderr.write(`${t(`errors.${result.error}`)}\n`);
            process.exitCode = 1;
          } else if (opts.json) printJson(result.value);
          else process.stdout.write(`${t('cli.central.requestCreated', result.value)}\n`);
        });
      },
    );

  central.addCommand(registerCommand());
  central.addCommand(formsCommand());

  return central;
};

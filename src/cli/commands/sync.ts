import { Command } from 'commander';
import { syncStopError } from '../../shared/contract/central-errors';
import { call, errorText, type GlobalOptions, printJson, t, withCore } from '../context';

/** Exit code of `ventanilla sync` when central cannot be reached (the queue is kept). */
export const SYNC_UNREACHABLE_EXIT = 3;

/** Loop error codes in words; a code with no short label reads as its full sentence. */
const errorLabel = (code: string): string => {
  const text = t(`sync.lastErrors.${code}`);
  return text.startsWith('sync.') ? errorText(syncStopError(code)) : text;
};

export const syncCommand = (): Command => {
  const sync = new Command('sync')
    .description(t('cli.sync.description'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const run = await call(core, 'syncRun', {});
        if (opts.json) printJson(run.error ? { ...run.report, error: run.error } : run.report);
        else if (!run.reached) {
          const error = errorLabel(run.error ?? 'network');
          process.stderr.write(
            `${t('cli.sync.unreachable', { error, pending: run.report.pending })}\n`,
          );
        } else {
          const { registerReconcile: reconcile, ...counts } = run.report;
          process.stdout.write(`${t('cli.sync.report', counts)}\n`);
          if (counts.uploaded + counts.uploadFailed + counts.uploadsWaiting > 0)
            process.stdout.write(`${t('cli.sync.uploads', counts)}\n`);
          if (reconcile) {
            const { same, changed, onlyLocal } = reconcile;
            process.stdout.write(`${t('cli.sync.reconcile', { same, changed, onlyLocal })}\n`);
          }
        }
        if (!run.reached) process.exitCode = SYNC_UNREACHABLE_EXIT;
        else if (run.error) {
          if (!opts.json)
            process.stderr.write(
              `${t('cli.errorPrefix')}: ${errorText(syncStopError(run.error))}\n`,
            );
          process.exitCode = 1;
        }
      });
    });
  sync
    .command('status')
    .description(t('cli.sync.status'))
    .option('--json', t('cli.jsonOption'))
    .action(async (_opts: unknown, cmd: Command) => {
      // `--json` may be taken by the parent `sync` command: read it from the whole chain.
      const opts = cmd.optsWithGlobals<GlobalOptions & { json?: boolean }>();
      await withCore(opts, async (core) => {
        const s = await call(core, 'syncStatus', {});
        if (opts.json) return printJson(s);
        const none = t('cli.sync.none');
        process.stdout.write(
          `${t('cli.sync.statusReport', {
            central: s.centralUrl ?? none,
            online: t(s.online ? 'cli.sync.online' : 'cli.sync.offline'),
            pending: s.pending,
            rejected: s.rejected,
            lastSuccess: s.lastSuccessAt ?? none,
            lastError: s.lastError ? errorLabel(s.lastError) : none,
            nextAttempt: s.nextAttemptAt ?? none,
          })}\n`,
        );
      });
    });
  return sync;
};

export const enrollCommand = (): Command =>
  new Command('enroll')
    .description(t('cli.enroll.description'))
    .requiredOption('--central <url>', t('cli.enroll.central'))
    .requiredOption('--code <code>', t('cli.enroll.code'))
    .action(async (opts: { central: string; code: string }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const { name } = await call(core, 'syncEnrol', {
          centralUrl: opts.central,
          code: opts.code,
        });
        process.stdout.write(
          `${t('cli.enroll.done', { name, url: new URL(opts.central).origin })}\n`,
        );
      });
    });

import { Command } from 'commander';
import { call, type GlobalOptions, printJson, t, withCore } from '../context';

export const dbCommand = (): Command => {
  const db = new Command('db').description(t('cli.db.description'));
  db.command('check')
    .description(t('cli.db.check'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const report = await call(core, 'dbCheck', {});
        if (opts.json) printJson(report);
        else {
          process.stdout.write(
            `${t('cli.db.report', { ...report, encrypted: t(report.encrypted ? 'cli.yes' : 'cli.no') })}\n`,
          );
        }
        if (report.integrity !== 'ok') process.exitCode = 1;
      });
    });
  return db;
};

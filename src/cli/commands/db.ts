import { openSync, readSync, closeSync } from 'node:fs';
import { Command } from 'commander';
import { latestVersion } from '../../core/db/migrations';
import { isEncryptedFile } from '../../core/db/open';
import { type GlobalOptions, printJson, t, withCore } from '../context';

const readHeader = (path: string): Buffer => {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header;
  } finally {
    closeSync(fd);
  }
};

export const dbCommand = (): Command => {
  const db = new Command('db').description(t('cli.db.description'));
  db.command('check')
    .description(t('cli.db.check'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), (core) => {
        const rows = core.deps.db.pragma('integrity_check') as { integrity_check: string }[];
        const integrity = rows.map((r) => r.integrity_check).join('; ');
        const report = {
          path: core.deps.db.name,
          schemaVersion: core.deps.schemaVersion,
          knownSchemaVersion: latestVersion(),
          integrity,
          encrypted: isEncryptedFile(readHeader(core.deps.db.name)),
        };
        if (opts.json) printJson(report);
        else {
          process.stdout.write(
            `${t('cli.db.report', { ...report, encrypted: t(report.encrypted ? 'cli.yes' : 'cli.no') })}\n`,
          );
        }
        if (integrity !== 'ok') process.exitCode = 1;
      });
    });
  return db;
};

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import { type ImportReport, MASS_DEREGISTRATION_SHARE } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import { call, cliLanguage, type GlobalOptions, printJson, t, withCore } from '../context';

export const readInputFile = (file: string): Buffer => {
  try {
    return readFileSync(file);
  } catch {
    throw new AppError('register_file_not_found', { file });
  }
};

const counts = ({ imported, updated, unchanged, rejected, deregistered }: ImportReport) => ({
  imported,
  updated,
  unchanged,
  rejected,
  deregistered,
});

/** The import report as a person reads it; the same at the counter and at central. */
export const printReport = (report: ImportReport): void => {
  const summary = report.dry_run ? 'residents.cli.dryRunReport' : 'residents.cli.report';
  process.stdout.write(`${t(summary, counts(report))}\n`);
  for (const e of report.errors)
    process.stdout.write(`${t('residents.cli.errorLine', { line: e.line, message: e.message })}\n`);
  if (report.errors.length < report.rejected) {
    process.stdout.write(
      `${t('residents.ui.moreErrors', { count: report.rejected - report.errors.length })}\n`,
    );
  }
  if (report.deregistered > 0) {
    const title = report.dry_run ? 'residents.cli.leavingTitle' : 'residents.cli.leftTitle';
    process.stdout.write(`${t(title)}\n`);
    const named = report.deregistered_residents ?? [];
    for (const r of named)
      process.stdout.write(
        `${t('residents.cli.leavingLine', { id: r.resident_id, name: r.name })}\n`,
      );
    const more = report.deregistered - named.length;
    if (more > 0) process.stdout.write(`${t('residents.cli.moreLeaving', { count: more })}\n`);
  }
  if (report.dry_run && report.mass_deregistration) {
    process.stdout.write(
      `${t('residents.cli.massWarning', {
        count: report.deregistered,
        limit: MASS_DEREGISTRATION_SHARE * 100,
      })}\n`,
    );
  }
  if (report.dry_run) process.stdout.write(`${t('residents.cli.dryRunNote')}\n`);
};

/** `--json`'s shape, kept stable for scripts: the counts, the rejected lines, who leaves. */
export const reportJson = (report: ImportReport) => ({
  ...counts(report),
  errors: report.errors.map(({ line, message }) => ({ line, message })),
  deregistered_residents: report.deregistered_residents ?? [],
});

export interface ImportFlags {
  dryRun?: boolean;
  allowMassDeregistration?: boolean;
  json?: boolean;
}

/** `ventanilla register import FILE [--dry-run] [--json]` and `register stats [--json]`. */
export const registerCommand = (): Command => {
  const register = new Command('register').description(t('residents.cli.description'));

  register
    .command('import')
    .description(t('residents.cli.import'))
    .argument('<file>', t('residents.cli.fileArgument'))
    .option('--dry-run', t('residents.cli.dryRun'))
    .option('--allow-mass-deregistration', t('residents.cli.allowMassOption'))
    .option('--json', t('cli.jsonOption'))
    .action(async (file: string, opts: ImportFlags, cmd: Command) => {
      const bytes = readInputFile(file);
      // Progress goes to stderr, and only for a person watching a terminal.
      const showProgress = !opts.json && process.stderr.isTTY;
      const onProgress = showProgress
        ? (f: number) =>
            process.stderr.write(
              `\r${t('residents.cli.progress', { percent: Math.round(f * 100) })}`,
            )
        : undefined;
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const input = {
          bytes,
          fileName: basename(file),
          dryRun: opts.dryRun ?? false,
          allowMassDeregistration: opts.allowMassDeregistration ?? false,
          language: cliLanguage(),
        };
        const report = await call(core, 'residentsImportFile', input, { onProgress });
        if (showProgress) process.stderr.write('\n');
        if (!opts.json) return printReport(report);
        printJson(reportJson(report));
      });
    });

  register
    .command('stats')
    .description(t('residents.cli.stats'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const stats = await call(core, 'residentsStats', {});
        if (opts.json) return printJson(stats);
        const last = stats.last_import
          ? `${stats.last_import.file} (${stats.last_import.at}, ${stats.last_import.actor})`
          : t('residents.cli.never');
        process.stdout.write(
          `${t('residents.cli.stats_text', {
            active: stats.active,
            deregistered: stats.deregistered,
            without_document: stats.without_document,
            last,
          })}\n`,
        );
      });
    });

  return register;
};

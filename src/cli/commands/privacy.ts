import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ErasureReport } from '../../shared/contract/privacy';
import { AppError } from '../../shared/errors';
import {
  call,
  cliLanguage,
  type GlobalOptions,
  printJson,
  staffCredentials,
  t,
  withCore,
} from '../context';

/** The erased and kept lists, with their counts, as the Privacy screen states them. */
export const erasureLines = (r: ErasureReport): string[] => {
  const e = r.erased;
  const k = r.kept;
  const p = 'privacy.counts';
  return [
    `${t(`${p}.erased`)}:`,
    `  ${t(`${p}.verifications`, { count: e.verifications, revoked: e.revoked })}`,
    `  ${t(`${p}.requests`, { count: e.requests, conflicts: e.conflicts })}`,
    `  ${t(`${p}.failedLookups`, { count: e.failedLookups, locks: e.lookupLocks })}`,
    `  ${t(`${p}.entries`, { contacts: e.entryContacts, contents: e.entryContents, files: e.attachments })}`,
    `${t(`${p}.kept`)}:`,
    `  ${t(`${p}.registerRow`)} — ${t('privacy.keptList.registerRow')}`,
    `  ${t(`${p}.registryEntries`, { count: k.registryEntries, pending: k.entriesAwaitingSync })} — ${t('privacy.keptList.registryEntries')}`,
    `  ${t(`${p}.auditEntries`, { count: k.auditEntries })} — ${t('privacy.keptList.auditEntries')}`,
    ...(k.openConflicts > 0 ? [`  ${t(`${p}.openConflicts`, { count: k.openConflicts })}`] : []),
  ];
};

/** `ventanilla privacy export | erase`: a resident's rights of access and erasure. */
export const privacyCommand = (): Command => {
  const privacy = new Command('privacy').description(t('privacy.cli.description'));

  privacy
    .command('export')
    .description(t('privacy.cli.export'))
    .requiredOption('--resident <id>', t('privacy.cli.residentOption'))
    .requiredOption('--staff <name>', t('privacy.cli.staffOption'))
    .option('--json <file>', t('privacy.cli.jsonOption'))
    .option('--pdf <file>', t('privacy.cli.pdfOption'))
    .action(
      async (
        opts: { resident: string; staff: string; json?: string; pdf?: string },
        cmd: Command,
      ) => {
        if (!opts.json && !opts.pdf) throw new AppError('usage_privacy_output');
        // Signed as that staff member; the contract says which roles may.
        const as = staffCredentials(opts.staff);
        await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
          const residentId = opts.resident;
          if (opts.json) {
            const data = await call(core, 'privacyExport', { residentId }, { as });
            writeFileSync(opts.json, `${JSON.stringify(data, null, 2)}\n`);
            process.stdout.write(`${t('privacy.cli.written', { file: opts.json })}\n`);
          }
          if (opts.pdf) {
            const language = cliLanguage();
            const pdf = await call(core, 'privacyExportPdf', { residentId, language }, { as });
            writeFileSync(opts.pdf, Buffer.from(pdf.base64, 'base64'));
            process.stdout.write(`${t('privacy.cli.written', { file: opts.pdf })}\n`);
          }
        });
      },
    );

  privacy
    .command('erase')
    .description(t('privacy.cli.erase'))
    .requiredOption('--resident <id>', t('privacy.cli.residentOption'))
    .requiredOption('--staff <name>', t('privacy.cli.staffOption'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { resident: string; staff: string; json?: boolean }, cmd: Command) => {
      const as = staffCredentials(opts.staff);
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        // Typing the id in the command is the confirmation the screen asks for twice.
        const input = { residentId: opts.resident, confirm: opts.resident };
        const report = await call(core, 'privacyErase', input, { as });
        if (opts.json) return printJson(report);
        process.stdout.write(`${erasureLines(report).join('\n')}\n`);
      });
    });

  privacy
    .command('retention')
    .description(t('privacy.cli.retention'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      // The same run the app does at start-up and daily, for a counter used only from the CLI.
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const run = await call(core, 'privacyRetentionRun', {});
        if (opts.json) return printJson(run);
        const c = run.counts;
        process.stdout.write(
          `${t('privacy.cli.retentionDone', { seq: run.auditSeq, images: c.scannerImages, lookups: c.failedLookups, verifications: c.verifications, attachments: c.attachments })}\n`,
        );
      });
    });

  return privacy;
};

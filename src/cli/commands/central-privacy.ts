import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { AdminOp, AdminOutput } from '../../central/admin-ops';
import { AppError } from '../../shared/errors';
import { cliLanguage, printJson, t } from '../context';

type Admin = <K extends AdminOp>(cmd: Command, op: K, input: unknown) => Promise<AdminOutput<K>>;

/**
 * `central privacy export|erase --resident ID`: a data subject's rights over what central holds,
 * run as the service's admin operations (audited at central like the counter's request).
 */
export const centralPrivacyCommand = (admin: Admin): Command => {
  const privacy = new Command('privacy').description(t('cli.central.privacy'));
  privacy
    .command('export')
    .description(t('cli.central.privacyExport'))
    .requiredOption('--resident <id>', t('cli.central.resident'))
    .option('--json <file>', t('cli.central.jsonFile'))
    .option('--pdf <file>', t('cli.central.pdfFile'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (opts: { resident: string; json?: string; pdf?: string }, cmd: Command) => {
      if (!opts.json && !opts.pdf) throw new AppError('usage_privacy_output');
      const answer = await admin(cmd, 'privacyExport', {
        resident_id: opts.resident,
        pdf: opts.pdf !== undefined,
        language: cliLanguage(),
      });
      if (opts.json) {
        writeFileSync(opts.json, `${JSON.stringify(answer.export, null, 2)}\n`);
        process.stdout.write(
          `${t('cli.central.privacyWritten', { id: answer.export.residentId, file: opts.json })}\n`,
        );
      }
      if (opts.pdf && answer.pdf_base64) {
        writeFileSync(opts.pdf, Buffer.from(answer.pdf_base64, 'base64'));
        process.stdout.write(
          `${t('cli.central.privacyWritten', { id: answer.export.residentId, file: opts.pdf })}\n`,
        );
      }
    });
  privacy
    .command('erase')
    .description(t('cli.central.privacyErase'))
    .requiredOption('--resident <id>', t('cli.central.resident'))
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(async (opts: { resident: string; json?: boolean }, cmd: Command) => {
      const report = await admin(cmd, 'privacyErase', { resident_id: opts.resident });
      if (opts.json) return printJson(report);
      process.stdout.write(
        `${t('cli.central.privacyErased', {
          ...report.erased,
          ...report.kept,
          registerRow: t(report.kept.registerRow ? 'privacy.central.yes' : 'privacy.central.no'),
        })}\n`,
      );
    });
  return privacy;
};

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { FileEntryInput } from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import { invalidInputParams } from '../../shared/input-issues';
import { attachmentMediaTypeOf } from '../../shared/media-types';
import {
  call,
  cliLanguage,
  type GlobalOptions,
  printJson,
  staffCredentials,
  t,
  withCore,
} from '../context';

/** The data file: the filing without the template, attachments given as paths next to it. */
const DataFile = FileEntryInput.omit({ templateId: true, attachments: true }).extend({
  attachments: z.array(z.object({ file: z.string().min(1) })).default([]),
});

const readDataFile = (path: string, templateId: string): z.output<typeof FileEntryInput> => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('forms_data_file_unreadable', { file: path });
  }
  const parsed = DataFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid_input', invalidInputParams(parsed.error, raw));
  }
  const { attachments, ...rest } = parsed.data;
  return FileEntryInput.parse({
    ...rest,
    templateId,
    language: rest.language ?? cliLanguage(),
    attachments: attachments.map((a) => {
      const file = resolve(dirname(path), a.file);
      const mediaType = attachmentMediaTypeOf(file);
      if (!mediaType) throw new AppError('forms_attachment_unreadable', { file: a.file });
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new AppError('file_not_found', { file: a.file });
      }
      return {
        filename: a.file.split(/[\\/]/).at(-1) ?? a.file,
        mediaType,
        dataBase64: bytes.toString('base64'),
      };
    }),
  });
};

const parseFormat = (value: string): 'a4' | 'roll80' => {
  if (value !== 'a4' && value !== 'roll80')
    throw new InvalidArgumentError(t('forms.cli.formatOption'));
  return value;
};

/** `ventanilla forms templates | file | receipt`: the same core the counter app uses. */
export const formsCommand = (): Command => {
  const forms = new Command('forms').description(t('forms.cli.description'));

  forms
    .command('templates')
    .description(t('forms.cli.templates'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const templates = await call(core, 'formsTemplates', {});
        if (opts.json) return printJson(templates);
        const lang = cliLanguage();
        for (const tpl of templates)
          process.stdout.write(`${tpl.id}\tv${tpl.version}\t${tpl.title[lang]}\n`);
      });
    });

  forms
    .command('file')
    .description(t('forms.cli.file'))
    .requiredOption('--template <id>', t('forms.cli.templateOption'))
    .requiredOption('--data <file>', t('forms.cli.dataOption'))
    .requiredOption('--staff <name>', t('forms.cli.staffOption'))
    .option('--json', t('cli.jsonOption'))
    .action(
      async (
        opts: { template: string; data: string; staff: string; json?: boolean },
        cmd: Command,
      ) => {
        const as = staffCredentials(opts.staff);
        const input = readDataFile(opts.data, opts.template);
        await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
          // Filed as that staff member, after the same password and lockout checks as sign-in.
          const filed = await call(core, 'formsFile', input, { as });
          if (opts.json) return printJson(filed);
          process.stdout.write(
            `${t('forms.cli.filed', { number: filed.provisionalNumber, at: filed.filedAt, id: filed.entryId })}\n`,
          );
        });
      },
    );

  forms
    .command('receipt <entryId>')
    .description(t('forms.cli.receipt'))
    .requiredOption('--pdf <file>', t('forms.cli.pdfOption'))
    .option('--format <format>', t('forms.cli.formatOption'), parseFormat, 'a4' as const)
    .action(
      async (entryId: string, opts: { pdf: string; format: 'a4' | 'roll80' }, cmd: Command) => {
        await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
          const receipt = await call(core, 'formsReceipt', {
            id: entryId,
            format: opts.format,
            language: cliLanguage(),
          });
          writeFileSync(opts.pdf, Buffer.from(receipt.base64, 'base64'));
          process.stdout.write(`${t('forms.cli.written', { file: opts.pdf })}\n`);
        });
      },
    );

  return forms;
};

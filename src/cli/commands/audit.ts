import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AuditFilters, formatAuditTime } from '../../shared/contract/audit';
import { AuditAction, auditActions } from '../../shared/contract/audit-actions';
import { AppError } from '../../shared/errors';
import { call, cliLanguage, type GlobalOptions, printJson, t, withCore } from '../context';

interface FilterOptions {
  readonly from?: string;
  readonly to?: string;
  readonly staff?: string;
  readonly action?: AuditAction;
  readonly subject?: string;
}

const parseDay = (value: string): string => {
  const parsed = AuditFilters.shape.from.safeParse(value);
  if (!parsed.success) {
    throw new InvalidArgumentError(t('errors.audit_bad_date', { value }));
  }
  return value;
};

const parseAction = (value: string): AuditAction => {
  const parsed = AuditAction.safeParse(value);
  if (!parsed.success) {
    throw new InvalidArgumentError(
      t('errors.audit_bad_action', { value, actions: auditActions.join(', ') }),
    );
  }
  return parsed.data;
};

const withFilters = (cmd: Command): Command =>
  cmd
    .option('--from <YYYY-MM-DD>', t('audit.cli.fromOption'), parseDay)
    .option('--to <YYYY-MM-DD>', t('audit.cli.toOption'), parseDay)
    .option('--staff <name>', t('audit.cli.staffOption'))
    .option('--action <action>', t('audit.cli.actionOption'), parseAction)
    .option('--subject <text>', t('audit.cli.subjectOption'));

const filtersOf = (o: FilterOptions): AuditFilters =>
  AuditFilters.parse({
    from: o.from,
    to: o.to,
    staff: o.staff,
    action: o.action,
    subject: o.subject,
  });

export const auditCommand = (): Command => {
  const audit = new Command('audit').description(t('audit.cli.description'));

  audit
    .command('verify')
    .description(t('audit.cli.verify'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const result = await call(core, 'auditVerify', {});
        if (opts.json) printJson(result);
        else if (result.ok)
          process.stdout.write(
            `${t('audit.cli.verifiedOk', { entries: result.entries, checkpoints: result.checkpoints, head: result.head })}\n`,
          );
        else {
          const reason = t(`audit.reasons.${result.reason ?? ''}`);
          process.stdout.write(
            `${t('audit.cli.verifiedBad', { seq: result.first_bad_seq ?? 0, reason, entries: result.entries })}\n`,
          );
        }
        process.exitCode = result.ok ? 0 : 1;
      });
    });

  withFilters(audit.command('list').description(t('audit.cli.list')))
    .option('--json', t('cli.jsonOption'))
    .option(
      '--limit <n>',
      t('audit.cli.limitOption'),
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError('1-500');
        return n;
      },
      100,
    )
    .action(async (opts: FilterOptions & { json?: boolean; limit: number }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const page = await call(core, 'auditList', {
          filters: filtersOf(opts),
          offset: 0,
          limit: opts.limit,
        });
        if (opts.json) return printJson(page);
        for (const e of page.entries) {
          const details = e.details === '{}' ? '' : `\t${e.details}`;
          process.stdout.write(
            `${e.seq}\t${formatAuditTime(e.at, e.utcOffsetMin)}\t${e.actorName} (${e.actorRole})\t${e.action}\t${e.subject ?? ''}${details}\n`,
          );
        }
        process.stdout.write(
          `${t('audit.cli.listed', { shown: page.entries.length, total: page.total })}\n`,
        );
      });
    });

  withFilters(audit.command('export').description(t('audit.cli.export')))
    .option('--pdf <file>', t('audit.cli.pdfOption'))
    .option('--csv <file>', t('audit.cli.csvOption'))
    .addOption(new Option('--lang <lang>', t('audit.cli.langOption')).choices(['es', 'en']))
    .action(
      async (
        opts: FilterOptions & { pdf?: string; csv?: string; lang?: 'es' | 'en' },
        cmd: Command,
      ) => {
        if ((opts.pdf === undefined) === (opts.csv === undefined))
          throw new AppError('usage_audit_export_target');
        const format = opts.pdf !== undefined ? 'pdf' : 'csv';
        const file = resolve(opts.pdf ?? opts.csv ?? '');
        const filters = filtersOf(opts);
        await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
          const out = await call(core, 'auditExport', {
            format,
            purpose: 'export',
            language: opts.lang ?? cliLanguage(),
            filters,
          });
          try {
            writeFileSync(file, Buffer.from(out.base64, 'base64'), { mode: 0o600 });
          } catch {
            throw new AppError('audit_write_failed', { file });
          }
          process.stdout.write(`${t('audit.cli.exported', { count: out.count, file })}\n`);
        });
      },
    );

  return audit;
};

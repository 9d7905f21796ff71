import { Command } from 'commander';
import type { AdminOp, AdminOutput } from '../../central/admin-ops';
import { blueskyKey } from '../../central/bluesky/crypto';
import { checkTownAccount } from '../../central/bluesky/service';
import { AppError } from '../../shared/errors';
import { printJson, t } from '../context';

type Admin = <K extends AdminOp>(cmd: Command, op: K, input: unknown) => Promise<AdminOutput<K>>;

/**
 * `central bluesky-account IDENTIFIER`: the town's Bluesky account, app password from
 * VENTANILLA_BLUESKY_APP_PASSWORD (never an argument, which `ps` shows). The CLI signs in once
 * and seals the password with the data folder's key; central stores only the sealed form.
 */
export const centralBlueskyCommand = (admin: Admin, dataDirOf: (cmd: Command) => string) =>
  new Command('bluesky-account')
    .description(t('cli.bluesky.account'))
    .argument('<identifier>', t('cli.bluesky.identifier'))
    .option('--service <url>', t('cli.bluesky.service'), 'https://bsky.social')
    .option('--rename-policy <policy>', t('cli.bluesky.renamePolicy'), 'refresh')
    .option('--json', t('cli.jsonOption'))
    .option('--database-url <url>', t('cli.central.databaseUrl'))
    .action(
      async (
        identifier: string,
        opts: { service: string; renamePolicy: string; json?: boolean },
        cmd: Command,
      ) => {
        const appPassword = process.env.VENTANILLA_BLUESKY_APP_PASSWORD ?? '';
        if (appPassword === '') throw new AppError('usage_bluesky_app_password');
        if (opts.renamePolicy !== 'refresh' && opts.renamePolicy !== 'flag')
          throw new AppError('usage_bluesky_rename_policy');
        const checked = await checkTownAccount(blueskyKey(dataDirOf(cmd)), {
          service: opts.service,
          identifier,
          appPassword,
        });
        const answer = await admin(cmd, 'blueskyAccount', {
          service: opts.service,
          identifier,
          did: checked.did,
          sealed: checked.sealed,
          rename_policy: opts.renamePolicy,
        });
        if (opts.json) return printJson(answer);
        process.stdout.write(`${t('cli.bluesky.accountSet', { identifier, did: answer.did })}\n`);
      },
    );

import { Command, InvalidArgumentError } from 'commander';
import { roles } from '../../shared/contract/define';
import { Password, RoleSchema, Username } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';
import { call, type GlobalOptions, printJson, t, withCore } from '../context';
import { readNewPassword } from '../password';

const parseRole = (value: string) => {
  const role = RoleSchema.safeParse(value);
  if (!role.success)
    throw new InvalidArgumentError(t('cli.staff.badRole', { roles: roles.join(', ') }));
  return role.data;
};

const parseUsername = (value: string): string => {
  const name = Username.safeParse(value);
  if (!name.success) throw new AppError('usage_bad_username', { username: value });
  return name.data;
};

const checkedPassword = async (): Promise<string> => {
  const password = Password.safeParse(await readNewPassword());
  if (!password.success) throw new AppError('usage_password_too_short');
  return password.data;
};

export const staffCommand = (): Command => {
  const staff = new Command('staff').description(t('cli.staff.description'));

  staff
    .command('add <name>')
    .description(t('cli.staff.add'))
    .requiredOption('--role <role>', t('cli.staff.roleOption'), parseRole)
    .option('--display-name <text>', t('cli.staff.displayNameOption'))
    .action(
      async (
        name: string,
        opts: { role: (typeof roles)[number]; displayName?: string },
        cmd: Command,
      ) => {
        const username = parseUsername(name);
        const password = await checkedPassword();
        await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
          const member = await call(core, 'staffAdd', {
            username,
            displayName: opts.displayName ?? name,
            role: opts.role,
            password,
          });
          process.stdout.write(
            `${t('cli.staff.added', { username: member.username, role: member.role })}\n`,
          );
        });
      },
    );

  staff
    .command('list')
    .description(t('cli.staff.list'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const members = await call(core, 'staffList', {});
        if (opts.json) return printJson(members);
        for (const m of members) {
          const state = m.disabled ? ` (${t('cli.staff.disabled')})` : '';
          process.stdout.write(`${m.username}\t${m.role}\t${m.displayName}${state}\n`);
        }
      });
    });

  staff
    .command('passwd <name>')
    .description(t('cli.staff.passwd'))
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const username = parseUsername(name);
      const password = await checkedPassword();
      await withCore(cmd.optsWithGlobals<GlobalOptions>(), async (core) => {
        const members = await call(core, 'staffList', {});
        const member = members.find((m) => m.username === username);
        if (!member) throw new AppError('staff_not_found', { id: username }, 404);
        await call(core, 'staffResetPassword', { id: member.id, password });
        process.stdout.write(`${t('cli.staff.passwordSet', { username })}\n`);
      });
    });

  return staff;
};

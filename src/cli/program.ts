import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { isAppError } from '../shared/errors';
import { diskFullError, isDiskFull } from '../core/platform/disk-full';
import { centralCommand } from './commands/central';
import { auditCommand } from './commands/audit';
import { dbCommand } from './commands/db';
import { formsCommand } from './commands/forms';
import { matchCommand } from './commands/match';
import { ocrCommand } from './commands/ocr';
import { privacyCommand } from './commands/privacy';
import { registerCommand } from './commands/register';
import { serveCommand } from './commands/serve';
import { staffCommand } from './commands/staff';
import { enrollCommand, syncCommand } from './commands/sync';
import { errorText, t } from './context';

export const USAGE_EXIT = 2;

// addCommand() does not pass settings down, so set them on every sub-command.
const applyToTree = (cmd: Command, fn: (c: Command) => void): void => {
  fn(cmd);
  for (const sub of cmd.commands) applyToTree(sub, fn);
};

export const buildProgram = (): Command => {
  const program = new Command('ventanilla')
    .description(t('cli.description'))
    .version(version, '-V, --version')
    .option('--data-dir <dir>', t('cli.dataDirOption'))
    .option('--debug', t('cli.debugOption'));
  program.addCommand(staffCommand());
  program.addCommand(dbCommand());
  program.addCommand(serveCommand());
  program.addCommand(ocrCommand());
  program.addCommand(auditCommand());
  program.addCommand(centralCommand());
  program.addCommand(enrollCommand());
  program.addCommand(syncCommand());
  program.addCommand(formsCommand());
  program.addCommand(registerCommand());
  program.addCommand(matchCommand());
  program.addCommand(privacyCommand());
  applyToTree(program, (cmd) => cmd.exitOverride().showHelpAfterError());
  return program;
};

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export const runCli = async (argv: readonly string[]): Promise<number> => {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : USAGE_EXIT;
    }
    const known = isAppError(e) ? e : isDiskFull(e) ? diskFullError() : null;
    if (known) {
      process.stderr.write(`${t('cli.errorPrefix')}: ${errorText(known.toShape())}\n`);
      return known.status === 400 && known.code.startsWith('usage_') ? USAGE_EXIT : 1;
    }
    if (program.opts<{ debug?: boolean }>().debug) console.error(e);
    else process.stderr.write(`${t('cli.errorPrefix')}: ${errorText({ code: 'internal' })}\n`);
    return 1;
  }
};

import { createInterface } from 'node:readline';
import { AppError } from '../shared/errors';
import { t } from './context';

/** Reads a line without echoing it, for passwords typed at a terminal. */
const promptHidden = (question: string): Promise<string> =>
  new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });

/** From VENTANILLA_PASSWORD, else a prompt (twice, to catch typos) when stdin is a terminal. */
export const readNewPassword = async (): Promise<string> => {
  const fromEnv = process.env.VENTANILLA_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('usage_password_required');
  const first = await promptHidden(t('cli.passwordPrompt'));
  const second = await promptHidden(t('cli.passwordRepeat'));
  if (first !== second) throw new AppError('usage_passwords_differ');
  return first;
};

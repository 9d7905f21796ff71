import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { startBridge } from '../bridge/server';
import { type GlobalOptions, openCore, t } from '../context';

/** The built renderer sits beside the built CLI: out/main/cli.js → out/renderer. */
export const rendererDir = (): string => fileURLToPath(new URL('../renderer', import.meta.url));

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(t('cli.serve.badPort'));
  }
  return port;
};

const openInBrowser = (url: string): void => {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  spawn(cmd, args, { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
};

export const serveCommand = (): Command =>
  new Command('serve')
    .description(t('cli.serve.description'))
    .option('--port <n>', t('cli.serve.portOption'), parsePort, 4780)
    .option('--open', t('cli.serve.openOption'))
    .action(async (opts: { port: number; open?: boolean }, cmd: Command) => {
      const core = openCore(cmd.optsWithGlobals<GlobalOptions>());
      const bridge = await startBridge({
        dispatch: core.dispatch,
        rendererDir: rendererDir(),
        port: opts.port,
      }).catch((e: unknown) => {
        core.close();
        throw e;
      });
      process.stdout.write(`${t('cli.serve.listening', { url: bridge.url })}\n`);
      if (opts.open) openInBrowser(bridge.url);
      core.start();
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await bridge.close();
      core.close();
      // Everything is saved and closed. Under load, OCR workers still starting kept a stopped
      // server alive for minutes (seen in the e2e suite); nothing is left to wait for.
      process.exit(0);
    });

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { operationNames } from '../shared/contract';
import { type Envelope, IPC_PREFIX } from '../shared/contract/envelope';
import type { Dispatch } from '../core/app/dispatch';
import { type AppOrigin, isTrustedUrl } from './security';

const SessionArg = z.string().max(128).optional();

/**
 * Registers exactly the contract's operations. Main only relays: it checks who is calling,
 * and the core parses the input with the operation's zod schema.
 */
export const registerIpc = (ipcMain: IpcMain, dispatch: Dispatch, origin: AppOrigin): string[] => {
  const channels = operationNames.map((name) => {
    const channel = `${IPC_PREFIX}${name}`;
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, input: unknown, session: unknown): Promise<Envelope> => {
        const frameUrl = event.senderFrame?.url ?? '';
        if (!isTrustedUrl(origin, frameUrl))
          return { ok: false, error: { code: 'forbidden_origin' } };
        const sessionId = SessionArg.safeParse(session);
        if (!sessionId.success) return { ok: false, error: { code: 'not_signed_in' } };
        return (await dispatch(name, input, { sessionId: sessionId.data })).envelope;
      },
    );
    return channel;
  });
  return channels;
};

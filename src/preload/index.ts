import { contextBridge, ipcRenderer } from 'electron';
import { operationNames } from '../shared/contract';
import { type Envelope, IPC_PREFIX } from '../shared/contract/envelope';
import { buildFacade } from './facade';

// The session token stays here, out of reach of page scripts.
let session: string | undefined;

const invoke = async (name: string, input: unknown): Promise<Envelope> => {
  const envelope = (await ipcRenderer.invoke(`${IPC_PREFIX}${name}`, input, session)) as Envelope;
  if (envelope.ok && envelope.session !== undefined) session = envelope.session ?? undefined;
  return envelope.ok ? { ok: true, value: envelope.value } : envelope;
};

contextBridge.exposeInMainWorld('ventanilla', buildFacade(operationNames, invoke));

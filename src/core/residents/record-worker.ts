import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { ParsedRegister } from './csv-read';
import type { RecordBatch, RecordSourceInput } from './record-source';

/** Slots of the shared counters: messages the worker posted, and messages this thread read. */
export const POSTED = 0;
export const CONSUMED = 1;
/** Batches the worker may run ahead of the writer: bounds memory at ~20k rows. */
export const MAX_IN_FLIGHT = 20;

export interface WorkerInput {
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
  readonly bytes: Uint8Array;
  readonly hmacKey: Uint8Array;
  readonly today: string;
  readonly mapping: RecordSourceInput['mapping'];
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'batch'; readonly batch: RecordBatch }
  | { readonly type: 'done'; readonly parsed: ParsedRegister }
  | {
      readonly type: 'error';
      readonly code: string | null;
      readonly params?: Record<string, string | number> | undefined;
      readonly status: number;
      readonly message: string;
    };

// Loading the worker's modules takes well under a second; a worker that has not said "ready" by
// then failed to load, and the file is read in this thread instead.
const START_TIMEOUT_MS = 15_000;
// The worker posts every thousand rows, so minutes of silence mean it is gone.
const STALL_TIMEOUT_MS = 120_000;

/**
 * Decodes, parses, validates and hashes the rows in a worker thread while this thread writes
 * them, so a large import costs the slower of the two instead of their sum. It stays
 * synchronous (the caller is inside a database transaction): messages are taken off the port
 * with `receiveMessageOnPort`, waiting on a shared counter in between. Returns null, having
 * delivered no row, when the worker script is missing or does not start.
 */
export const readRecordBatchesInWorker = (
  script: URL,
  input: RecordSourceInput,
  onBatch: (batch: RecordBatch) => void,
  startTimeoutMs = START_TIMEOUT_MS,
): ParsedRegister | null => {
  if (!existsSync(fileURLToPath(script))) return null;
  const signal = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const workerData: WorkerInput = {
    port: port2,
    signal: signal.buffer as SharedArrayBuffer,
    bytes: input.bytes,
    hmacKey: input.hmacKey,
    today: input.today,
    mapping: input.mapping,
  };
  // A larger young generation: the worker makes millions of short-lived strings.
  const worker = new Worker(script, {
    workerData,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  worker.unref();
  // Failures reach this thread as messages, or as a missing "ready": the event adds nothing.
  worker.on('error', () => undefined);
  try {
    if (Atomics.wait(signal, POSTED, 0, startTimeoutMs) === 'timed-out') return null;
    let consumed = 0;
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (!received) {
        if (Atomics.wait(signal, POSTED, consumed, STALL_TIMEOUT_MS) === 'timed-out')
          throw new AppError('register_import_stalled', {}, 500);
        continue;
      }
      consumed += 1;
      Atomics.store(signal, CONSUMED, consumed);
      Atomics.notify(signal, CONSUMED);
      const message = received.message as WorkerMessage;
      if (message.type === 'batch') onBatch(message.batch);
      else if (message.type === 'done') return message.parsed;
      else if (message.type === 'error') {
        throw message.code
          ? new AppError(message.code, message.params, message.status)
          : new Error(message.message);
      }
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
};

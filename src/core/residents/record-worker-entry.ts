// Entry of the register-reading worker thread (built as out/main/register-import-worker.js).
import { workerData } from 'node:worker_threads';
import { isAppError } from '../../shared/errors';
import { readRecordBatches } from './record-source';
import {
  CONSUMED,
  MAX_IN_FLIGHT,
  POSTED,
  type WorkerInput,
  type WorkerMessage,
} from './record-worker';

const input = workerData as WorkerInput;
const signal = new Int32Array(input.signal);

const post = (message: WorkerMessage): void => {
  input.port.postMessage(message);
  const posted = Atomics.add(signal, POSTED, 1) + 1;
  Atomics.notify(signal, POSTED);
  // Wait while the writing thread is too far behind, so the rows in flight stay bounded.
  for (;;) {
    const consumed = Atomics.load(signal, CONSUMED);
    if (posted - consumed <= MAX_IN_FLIGHT) return;
    Atomics.wait(signal, CONSUMED, consumed, 1000);
  }
};

post({ type: 'ready' });
try {
  const parsed = readRecordBatches(
    {
      bytes: input.bytes,
      hmacKey: Buffer.from(input.hmacKey),
      today: input.today,
      mapping: input.mapping,
    },
    (batch) => post({ type: 'batch', batch }),
  );
  post({ type: 'done', parsed });
} catch (e) {
  post(
    isAppError(e)
      ? { type: 'error', code: e.code, params: e.params, status: e.status, message: e.message }
      : {
          type: 'error',
          code: null,
          status: 500,
          message: e instanceof Error ? e.message : String(e),
        },
  );
}

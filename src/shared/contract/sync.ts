import { z } from 'zod';
import { ReasonText } from '../free-text';
import { op } from './define';

/** Wire protocol between counters and central (`/v1/...`). Bumped only on breaking changes. */
export const SYNC_PROTOCOL = 1;

/** Central refuses a push holding a bigger payload; the counter sets such an op aside instead. */
export const MAX_OP_PAYLOAD_CHARS = 256 * 1024;
/** Ops per push central accepts. */
export const MAX_PUSH_OPS = 1000;

export const WireOp = z.object({
  op_id: z.uuid(),
  seq: z.number().int().positive(),
  kind: z.string().min(1).max(64),
  entity_id: z.string().max(200),
  /** Canonical JSON text, exactly as hashed by the counter. */
  payload: z.string().max(MAX_OP_PAYLOAD_CHARS),
  payload_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  created_at: z.string().max(40),
});
export type WireOp = z.infer<typeof WireOp>;

export const PushRequest = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  device_id: z.string().min(1).max(64),
  /** Outbox rows still waiting on the counter, shown on the device board. */
  queue_depth: z.number().int().min(0).optional(),
  /** The counter's app version, shown on the device board. */
  app_version: z.string().min(1).max(40).optional(),
  ops: z.array(WireOp).max(MAX_PUSH_OPS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const OpResult = z.object({
  op_id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  error: z.string().optional(),
});
export type OpResult = z.infer<typeof OpResult>;
export const PushResponse = z.object({ results: z.array(OpResult) });
export type PushResponse = z.infer<typeof PushResponse>;

export const WireChange = z.object({
  seq: z.number().int().positive(),
  type: z.string(),
  entity_id: z.string(),
  version: z.number().int(),
  payload: z.unknown(),
  created_at: z.string(),
});
export const PullResponse = z.object({
  changes: z.array(WireChange),
  next_cursor: z.number().int().min(0),
  has_more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const EnrolRequest = z.object({
  code: z.string().min(8).max(64),
  device_id: z.string().min(1).max(64),
  public_key: z.string().min(40).max(200),
});
export const EnrolResponse = z.object({ device_id: z.string(), name: z.string() });

/**
 * The wire body of every refused request (an AppError's code, answered by central's one error
 * hook); `server_time` lets a skewed counter correct itself.
 */
export const CentralRefusalBody = z.object({
  error: z.string(),
  server_time: z.string().optional(),
});

export const SIGNATURE_HEADERS = {
  device: 'x-ventanilla-device',
  timestamp: 'x-ventanilla-timestamp',
  nonce: 'x-ventanilla-nonce',
  signature: 'x-ventanilla-signature',
} as const;

/** Accepted distance between a request's timestamp and central's clock. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** The exact bytes a counter signs: method, path with query, timestamp, nonce, body hash. */
export const signingMessage = (
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  bodySha256: string,
): string => ['ventanilla-v1', method.toUpperCase(), path, timestamp, nonce, bodySha256].join('\n');

// --- Operations the UI calls -----------------------------------------------------------------

export const UploadCounts = z.object({
  waiting: z.number().int(),
  waitingBytes: z.number().int(),
  failed: z.number().int(),
});
export const UploadProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
});
export type UploadProgress = z.infer<typeof UploadProgress>;

export const SyncStatus = z.object({
  enrolled: z.boolean(),
  centralUrl: z.string().nullable(),
  online: z.boolean(),
  syncing: z.boolean(),
  pending: z.number().int(),
  rejected: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** While syncing: rows pushed so far in this run and rows there were at its start. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  /** Attachment bytes central still lacks, and those whose last upload it refused. */
  uploads: UploadCounts,
  /** While uploading: files and bytes sent so far in this run, out of those waiting at its start. */
  uploadProgress: UploadProgress.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/**
 * A counter that imported the padrón itself, meeting central's: residents central's version
 * matched or corrected (with the columns that differed), and those only this counter holds.
 */
export const RegisterReconcile = z.object({
  same: z.number().int(),
  changed: z.number().int(),
  onlyLocal: z.number().int(),
  changes: z.array(z.object({ residentId: z.string(), fields: z.array(z.string()) })),
});
export type RegisterReconcile = z.infer<typeof RegisterReconcile>;

export const SyncReport = z.object({
  pushed: z.number().int(),
  applied: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  pulled: z.number().int(),
  pending: z.number().int(),
  /** Attachments central confirmed it now holds, and their bytes. */
  uploaded: z.number().int(),
  uploadedBytes: z.number().int(),
  /** Attachments central refused in this run (kept on the counter with the reason). */
  uploadFailed: z.number().int(),
  /** After the run: attachments still to upload, failed ones included. */
  uploadsWaiting: z.number().int(),
  /** Set when this run's pull met locally imported residents: the whole reconcile so far. */
  registerReconcile: RegisterReconcile.nullable(),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const QueueItem = z.object({
  seq: z.number().int(),
  opId: z.string(),
  kind: z.string(),
  entityId: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'rejected']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

const SeqInput = z.object({ seq: z.number().int().positive() });

/** An attachment whose bytes central still lacks: waiting for the next run, or refused. */
export const UploadItem = z.object({
  attachmentId: z.string(),
  entryNumber: z.string(),
  filename: z.string(),
  size: z.number().int(),
  /** The last refusal: a code central sent or the counter's own (file unreadable). */
  lastError: z.string().nullable(),
});
export type UploadItem = z.infer<typeof UploadItem>;
const UploadInput = z.object({ attachmentId: z.string().min(1).max(64) });

export const syncOps = {
  syncStatus: op({
    input: z.object({}),
    output: SyncStatus,
    access: 'session',
    mutates: false,
    passive: true,
    local: true,
  }),
  syncNow: op({ input: z.object({}), output: SyncReport, access: 'session', mutates: false }),
  /** One run as `ventanilla sync` reports it: unreachable or refused is a result, not an error. */
  syncRun: op({
    input: z.object({}),
    output: z.object({ reached: z.boolean(), error: z.string().nullable(), report: SyncReport }),
    access: 'local',
    mutates: false,
  }),
  syncQueueList: op({
    input: z.object({
      status: z.enum(['pending', 'rejected']),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(QueueItem), total: z.number().int() }),
    access: 'session',
    mutates: false,
  }),
  syncRetry: op({
    input: SeqInput,
    output: z.object({}),
    access: ['manager', 'admin'],
    mutates: true,
  }),
  syncDiscard: op({
    input: SeqInput.extend({ reason: ReasonText }),
    output: z.object({}),
    access: ['manager', 'admin'],
    mutates: true,
  }),
  syncUploadList: op({
    input: z.object({
      status: z.enum(['waiting', 'failed']),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(UploadItem), total: z.number().int() }),
    access: 'session',
    mutates: false,
  }),
  syncUploadRetry: op({
    input: UploadInput,
    output: z.object({}),
    access: ['manager', 'admin'],
    mutates: true,
  }),
  syncUploadDiscard: op({
    input: UploadInput.extend({ reason: ReasonText }),
    output: z.object({}),
    access: ['manager', 'admin'],
    mutates: true,
  }),
};

import { randomUUID } from 'node:crypto';
import type { ImportJob, ImportReport } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import type { Clock } from '../platform/clock';

interface Upload {
  readonly id: string;
  readonly staffId: number | null;
  readonly fileName: string;
  readonly totalBytes: number;
  readonly chunks: Buffer[];
  received: number;
  report: ImportReport | null;
  touchedAt: number;
}

const MAX_UPLOADS = 4;
const EXPIRE_MS = 30 * 60_000;

/**
 * Register files sent from the screen in slices. Kept in memory only (they hold plain
 * document numbers), one staff member each, and dropped after commit, cancel or 30 minutes.
 */
export class ImportUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly clock: Clock) {}

  private expire(): void {
    const now = this.clock.now().getTime();
    for (const [id, u] of this.uploads) if (now - u.touchedAt > EXPIRE_MS) this.uploads.delete(id);
  }

  private own(id: string, staffId: number | null): Upload {
    this.expire();
    const upload = this.uploads.get(id);
    if (!upload || upload.staffId !== staffId)
      throw new AppError('register_upload_not_found', {}, 404);
    upload.touchedAt = this.clock.now().getTime();
    return upload;
  }

  append(
    input: { job?: string | undefined; fileName: string; totalBytes: number; chunk: string },
    staffId: number | null,
  ): Upload {
    let upload: Upload;
    if (input.job) upload = this.own(input.job, staffId);
    else {
      this.expire();
      if (this.uploads.size >= MAX_UPLOADS) throw new AppError('register_upload_busy', {}, 429);
      upload = {
        id: randomUUID(),
        staffId,
        fileName: input.fileName,
        totalBytes: input.totalBytes,
        chunks: [],
        received: 0,
        report: null,
        touchedAt: this.clock.now().getTime(),
      };
      this.uploads.set(upload.id, upload);
    }
    const bytes = Buffer.from(input.chunk, 'base64');
    if (upload.received + bytes.length > upload.totalBytes) {
      this.uploads.delete(upload.id);
      throw new AppError('register_upload_too_long', {}, 400);
    }
    upload.chunks.push(bytes);
    upload.received += bytes.length;
    return upload;
  }

  bytes(upload: Upload): Buffer {
    if (upload.received !== upload.totalBytes)
      throw new AppError('register_upload_incomplete', {}, 400);
    return Buffer.concat(upload.chunks);
  }

  /** The upload, kept until `cancel`: a refused commit can be confirmed without re-sending. */
  get(id: string, staffId: number | null): Upload {
    return this.own(id, staffId);
  }

  cancel(id: string, staffId: number | null): void {
    this.own(id, staffId);
    this.uploads.delete(id);
  }
}

export const jobView = (u: Upload): ImportJob => ({
  id: u.id,
  phase: u.report ? 'ready' : 'uploading',
  received: u.received,
  report: u.report,
});

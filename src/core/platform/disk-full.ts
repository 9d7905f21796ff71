import { AppError } from '../../shared/errors';

// ENOSPC/EDQUOT from the OS for files; from SQLite, SQLITE_FULL when the database cannot grow
// and SQLITE_IOERR_SHMSIZE when even its -shm file cannot be extended (opening on a full disk).
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE']);

export const isDiskFull = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && typeof e.code === 'string' && FULL_CODES.has(e.code);

/** 507 Insufficient Storage: the operation's transaction rolled back, nothing was half saved. */
export const diskFullError = (): AppError => new AppError('disk_full', {}, 507);

import { PGlite } from '@electric-sql/pglite';
import type { CentralStore, SqlTx } from './store';

/** Embedded PostgreSQL (WASM) in `dir`, or in memory when `dir` is undefined. */
export const openPgliteStore = async (dir: string | undefined): Promise<CentralStore> => {
  const db = dir === undefined ? await PGlite.create() : await PGlite.create(dir);
  const wrap = (q: Pick<PGlite, 'query'>): SqlTx => ({
    query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
      (await q.query<R>(text, [...params])).rows,
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exec: async (script) => {
      await db.exec(script);
    },
    close: () => db.close(),
  };
};

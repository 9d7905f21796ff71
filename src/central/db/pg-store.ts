import pg from 'pg';
import type { CentralStore, SqlTx } from './store';

// BIGINT (sequence cursors, counts) as numbers: they stay far below 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** PostgreSQL through a connection pool; one pooled client per transaction. */
export const openPgStore = async (url: string, max = 10): Promise<CentralStore> => {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail at start-up, not on the first request, when the URL is wrong.
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): SqlTx => ({
    query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
      (await q.query<R & pg.QueryResultRow>(text, [...params])).rows,
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
};

/**
 * The one SQL surface central code sees. Two adapters implement it: PGlite (embedded default,
 * in the data directory) and PostgreSQL through `pg`. Same SQL, same migrations.
 */
export interface SqlTx {
  query<R extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<R[]>;
}

export interface CentralStore extends SqlTx {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations), outside any caller transaction. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

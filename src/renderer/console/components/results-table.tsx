import type { ReactNode } from 'react';

/**
 * A console listing: what to say when there are no rows, else a captioned table with one
 * column heading per `headers` entry. Nothing shows before the rows have arrived.
 */
export const ResultsTable = <T,>({
  rows,
  none,
  caption,
  headers,
  row,
  role,
}: {
  readonly rows: readonly T[] | null | undefined;
  readonly none: ReactNode;
  readonly caption: string;
  readonly headers: readonly string[];
  readonly row: (item: T) => ReactNode;
  readonly role?: 'status';
}) => {
  if (!rows) return null;
  if (rows.length === 0) return <>{none}</>;
  return (
    <div className="table-scroll" role={role}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
      </table>
    </div>
  );
};

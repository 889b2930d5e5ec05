import { type ReactNode, useId } from "react";

/** A chart's data for screen readers: column names, then one row per point, headed by its first cell. */
export type ChartTable = { caption: string; columns: string[]; rows: { key: string; label: string; cells: string[] }[] };

/** The figure around a chart: title, description, the plot (or why it is empty), an optional note, and the data as a visually hidden table. */
export function ChartFrame({
  title,
  description,
  empty,
  testId,
  note,
  table,
  children,
}: {
  title: string;
  description: string;
  empty: string | null;
  testId?: string;
  note?: ReactNode;
  table: ChartTable;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-desc">{description}</p>
      {empty ? <p className="empty">{empty}</p> : children}
      {note}
      <table className="sr-only">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

"use client";

import Link from "next/link";
import { useState } from "react";
import type { SpendTableRow } from "@/lib/charts/prepare-spend-series";
import { formatCount, formatMoney, formatTokens } from "@/lib/format";
import { parseUsd } from "@/lib/money";

type SortKey = "name" | "costUsd" | "share" | "change" | "tokens" | "requests" | "costPer1kRequestsUsd";

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Key", numeric: false },
  { key: "costUsd", label: "Spend", numeric: true },
  { key: "share", label: "Share", numeric: true },
  { key: "change", label: "Change vs previous period", numeric: true },
  { key: "tokens", label: "Tokens", numeric: true },
  { key: "requests", label: "Requests", numeric: true },
  { key: "costPer1kRequestsUsd", label: "Cost per 1K requests", numeric: true },
];

/** Money compares exactly; a null ratio sorts last whichever the direction. */
function compare(a: SpendTableRow, b: SpendTableRow, key: SortKey): number | null {
  const [x, y] = [a[key], b[key]];
  if (x === null || y === null) return null;
  if (key === "costUsd" || key === "costPer1kRequestsUsd") {
    const [p, q] = [parseUsd(x as string), parseUsd(y as string)];
    return p === q ? 0 : p < q ? -1 : 1;
  }
  return typeof x === "string" ? x.localeCompare(y as string) : (x as number) - (y as number);
}

const percent = (value: number | null, signed = false) => (value === null ? "—" : `${signed && value > 0 ? "+" : ""}${value.toFixed(2)} %`);

/** Every key of the view, sortable by any column; a key links to its narrower view (a null key cannot be filtered on). */
export function SpendTable({ rows, caption, drillHref, pageHref }: {
  rows: SpendTableRow[];
  caption: string;
  drillHref: (key: string) => string;
  /** The key's own page (teams, models and features have one). */
  pageHref?: (key: string) => string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "costUsd", desc: true });
  const sorted = [...rows].sort((a, b) => {
    const order = compare(a, b, sort.key);
    if (order === null) return a[sort.key] === null ? (b[sort.key] === null ? 0 : 1) : -1;
    return sort.desc ? -order : order;
  });
  const toggle = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== "name" }));

  return (
    <div className="table-scroll">
      <table className="table explore-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined} aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : "none"}>
                <button type="button" className="btn-link explore-sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  {sort.key === c.key ? (sort.desc ? " ↓" : " ↑") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const href = row.key === null ? null : drillHref(row.key);
            return (
              <tr key={row.name}>
                <th scope="row">
                  {href ? <Link href={href}>{row.name}</Link> : row.name}
                  {pageHref && row.key !== null && (
                    <>
                      {" "}
                      <Link className="muted" href={pageHref(row.key)} aria-label={`${row.name}: its page`}>
                        page
                      </Link>
                    </>
                  )}
                </th>
                <td className="num">{formatMoney(row.costUsd)}</td>
                <td className="num">{percent(row.share)}</td>
                <td className="num">{percent(row.change, true)}</td>
                <td className="num">{formatTokens(row.tokens)}</td>
                <td className="num">{formatCount(row.requests)}</td>
                <td className="num">{formatMoney(row.costPer1kRequestsUsd)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

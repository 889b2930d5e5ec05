// The table `npm run bench:queries` prints.
import { ms, type Timing } from "./queries-timing";

export type Served = { api?: Timing; fn: Timing };
export type Result = { name: string; plan: string; target: boolean; exact: boolean; raw: Timing; now: Served; proposed?: Served };

export const TARGET_P50_MS = 100;
export const TARGET_SPEEDUP = 20;

const pair = (t?: Timing) => (t ? `${ms(t.p50)} / ${ms(t.p95)}` : "-");

/** The served figure: the API when there is one, else the analytics function. */
function verdict(r: Result, served: Served | undefined): string {
  if (!served) return "";
  const main = served.api ?? served.fn;
  const speedup = r.raw.p50 / main.p50;
  const ok = main.p50 < TARGET_P50_MS && speedup >= TARGET_SPEEDUP;
  return `${speedup.toFixed(0)}x${r.target ? (ok ? " ok" : " MISSED") : ""}`;
}

export function report(results: Result[], header: string): string {
  const head = [
    "query", "grain plan", "raw GROUP BY p50 / p95", "no read indexes: API p50 / p95", "analytics p50 / p95", "raw / API",
    "schema (read indexes): API p50 / p95", "analytics p50 / p95", "raw / API", "totals",
  ];
  const rows = results.map((r) => [
    r.name, r.plan, pair(r.raw), pair(r.now.api), pair(r.now.fn), verdict(r, r.now),
    pair(r.proposed?.api), pair(r.proposed?.fn), verdict(r, r.proposed), r.exact ? "exact" : "DIFFER",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [
    header,
    `times in ms; targets (rows marked ok / MISSED): p50 < ${TARGET_P50_MS} ms and >= ${TARGET_SPEEDUP}x faster than the raw GROUP BY`,
    line(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ].join("\n");
}

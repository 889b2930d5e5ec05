// The summary table of npm run bench:ingest: figures against their targets,
// then the checks of what was stored.
import type { BatchLoadResult } from "./batch-load";
import type { CopyResult } from "./copy-baseline";
import type { CpuShares } from "./cpu-meter";
import type { SingleLoadResult } from "./single-load";
import type { StoreTotals } from "./store-checks";

export type Row = [measure: string, value: string, target?: string, ok?: boolean];

export type Measurements = {
  /** Events acknowledged during the warm-up (stored, not timed). */
  warmup: number;
  /**
   * Single-event requests the load tool may have left unanswered when it
   * stopped (one per connection and run): stored, never acknowledged.
   */
  abandonedBound: number;
  a: BatchLoadResult; cpuA: CpuShares;
  /** The COPY run of median rate, with its CPU; and every run's rows/s. */
  copy: CopyResult; cpuCopy: CpuShares; copyRates: number[];
  b: SingleLoadResult; cpuB: CpuShares;
  /** The load of (b) on a bare node:http server: the machine's limit. */
  bare: SingleLoadResult;
  startRssMb: number; afterARssMb: number; peakRssMb: number; totals: StoreTotals; hourlyOff: number; dailyOff: number;
};

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en");
const cores = (c: CpuShares) => `server ${c.server.toFixed(2)}, PostgreSQL ${c.postgres.toFixed(2)}, load ${c.client.toFixed(2)}, other ${c.other.toFixed(2)}`;
/** CPU microseconds per event of the server and of PostgreSQL: steadier than rates on a busy machine. */
const perEvent = (c: CpuShares, events: number, seconds: number) =>
  `server ${Math.round((c.server * seconds * 1e6) / events)}, PostgreSQL ${Math.round((c.postgres * seconds * 1e6) / events)}`;

export function performanceRows({ a, cpuA, copy, cpuCopy, copyRates, b, cpuB, bare, startRssMb, afterARssMb, peakRssMb }: Measurements): Row[] {
  const ratio = a.acknowledged / a.seconds / (copy.rows / copy.seconds);
  const failed = b.non2xx + b.errors;
  return [
    ["(a) batch ingest", `${rate(a.acknowledged, a.seconds)} events/s (${a.acknowledged.toLocaleString("en")} in ${a.seconds.toFixed(1)} s)`],
    ["(a) batch latency p50 / p99", `${a.p50Ms.toFixed(0)} / ${a.p99Ms.toFixed(0)} ms`],
    ["(a) CPU, cores busy", cores(cpuA)],
    ["(a) CPU per event, us", perEvent(cpuA, a.acknowledged, a.seconds)],
    ["PostgreSQL COPY, same rows", `${rate(copy.rows, copy.seconds)} rows/s (${copy.rows.toLocaleString("en")} in ${copy.seconds.toFixed(1)} s)`],
    ...(copyRates.length > 1 ? [["COPY runs, median above", `${copyRates.map((r) => rate(r, 1)).join(", ")} rows/s`] as Row] : []),
    ["COPY CPU, cores busy", cores(cpuCopy)],
    ["COPY CPU per row, us", perEvent(cpuCopy, copy.rows, copy.seconds)],
    ["(a) ingest / COPY", `${ratio.toFixed(3)}x`, ">= 0.50x", ratio >= 0.5],
    ["(b) single-event ingest", `${rate(b.acknowledged, b.seconds)} events/s`, ">= 5,000", b.acknowledged / b.seconds >= 5000],
    ["(b) latency p50", `${b.p50Ms.toFixed(1)} ms`],
    ["(b) latency p99", `${b.p99Ms.toFixed(1)} ms`, "< 50 ms", b.p99Ms < 50],
    ["(b) CPU, cores busy", cores(cpuB)],
    ["(b) CPU per event, us", perEvent(cpuB, b.acknowledged, b.seconds)],
    ["(b) bare node:http, same load", `${rate(bare.requests, bare.seconds)} requests/s, p99 ${bare.p99Ms.toFixed(1)} ms`],
    ["(b) single events / bare node:http", `${(b.acknowledged / b.seconds / (bare.requests / bare.seconds)).toFixed(2)}x`, "(the issue's 5,000 of ~37,000: 0.14x)"],
    ["failed requests (a) / (b)", `${a.failed} / ${failed}`, "0", a.failed + failed === 0],
    ["server peak RSS (VmHWM)", `${peakRssMb.toFixed(0)} MB (${startRssMb.toFixed(0)} after start, ${afterARssMb.toFixed(0)} after (a))`, "< 500 MB", peakRssMb < 500],
  ];
}

export function storedRows({ warmup, abandonedBound, a, b, totals, hourlyOff, dailyOff }: Measurements): Row[] {
  const acknowledged = warmup + a.acknowledged + b.acknowledged;
  const unacknowledged = totals.events - acknowledged;
  const cost = totals.eventsCost;
  return [
    ["stored, acknowledged", `${totals.events}, ${acknowledged}`, "no acknowledged event lost", unacknowledged >= 0],
    ["stored, not acknowledged", String(unacknowledged), `0 to ${abandonedBound} (left in flight by wrk)`, unacknowledged >= 0 && unacknowledged <= abandonedBound],
    ["sum(cost_usd) events = hourly", `${cost} = ${totals.hourlyCost}`, "equal", cost === totals.hourlyCost],
    ["sum(cost_usd) events = daily", `${cost} = ${totals.dailyCost}`, "equal", cost === totals.dailyCost],
    ["sum(cost_usd) events = org ledgers", `${cost} = ${totals.orgLedgerCost}`, "equal", cost === totals.orgLedgerCost],
    ["rollup rows off (hourly / daily)", `${hourlyOff} / ${dailyOff}`, "0", hourlyOff + dailyOff === 0],
    ["events and delta rows not folded yet", String(totals.unfolded)],
  ];
}

export function printTable(title: string, rows: Row[]): void {
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i] ?? "").length)));
  console.log(`\n${title}`);
  for (const [measure, value, target = "", ok] of rows) {
    const verdict = ok === undefined ? "" : ok ? "ok" : "MISSED";
    console.log(`  ${measure.padEnd(w[0])}  ${value.padEnd(w[1])}  ${target.padEnd(w[2])}  ${verdict}`.trimEnd());
  }
}

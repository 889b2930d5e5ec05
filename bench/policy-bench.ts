// npm run bench:policy: POST /api/v1/policy/check at concurrency 50 for a
// fixed count, driven by wrk, against the limit of this machine:
//  (1) a bare node:http server (its own process) answering a constant JSON;
//  (2) non-reserving checks (answered from budget state in memory);
//  (3) reserving checks (group-committed; traceId unique per request);
// each after a warm-up. Then, in the database, no hard budget has spent +
// reserved over its limit and the cap on the model budget is filled exactly.
// The app runs as `npm start` runs it (bench/app-server.ts) on a fresh,
// migrated database (bench/fresh-database.ts). Knobs: BENCH_POLICY_BARE,
// BENCH_POLICY_CHECKS, BENCH_POLICY_RESERVES (requests), BENCH_POLICY_THREADS
// (wrk threads), BENCH_POLICY_MAX_SECONDS (bound on each wrk run: a run that
// hits it is reported as such), POLICY_GROUP_* (passed to the server), BENCH_NODE_ARGS,
// BENCH_POLICY_BUILD=0 (keep an existing, possibly stale build: the policy
// endpoint runs from source through tsx; only Next.js pages come from .next).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { formatUsd, parseUsd } from "@/lib/money";
import { type AppServer, rssMb, startAppServer } from "./app-server";
import { type BareServer, startBareServer } from "./bare-server";
import { buildIfNeeded } from "./build-if-needed";
import { freshDatabase } from "./fresh-database";
import { type PhaseCpu, postmasterOf, startPhaseCpu } from "./policy-cpu";
import { type LoadOptions, type LoadResult, runWrk } from "./wrk-load";
import { BENCH_CALL, type CapCheck, checkCaps, createPolicyTenant, type DbCounters, dbCounters, type PolicyTenant, setCapLimit } from "./policy-tenant";

const root = path.resolve(import.meta.dirname, "..");
const count = (name: string, fallback: number) => Math.max(1, Number(process.env[name] ?? fallback));
const BARE = count("BENCH_POLICY_BARE", 300_000);
const CHECKS = count("BENCH_POLICY_CHECKS", 200_000);
const RESERVES = count("BENCH_POLICY_RESERVES", 40_000);
const THREADS = count("BENCH_POLICY_THREADS", 2);
/** Bound on each wrk run (warm-ups included), so a slow build of the app still ends in minutes. */
const MAX_SECONDS = count("BENCH_POLICY_MAX_SECONDS", 60);
const CONNECTIONS = 50;
/** Share of all reserving checks (warm-up included) the hard cap lets through. */
const CAP_SHARE = 0.9;
const PATH = "/api/v1/policy/check";
const SERVER = process.env.DATABASE_URL ? "a new database on DATABASE_URL" : "embedded PostgreSQL";

const log = (message: string) => console.error(`[bench:policy] ${message}`);
const warmupOf = (n: number) => Math.max(1_000, Math.round(n / 10));
const int = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => n.toFixed(2);

type Row = [measure: string, value: string, target?: string, ok?: boolean];
type Phase = { warmupComplete: boolean; load: LoadResult; cpu: PhaseCpu; db: DbCounters | null };

/** Other load generators, benchmarks or test runs on the machine (figures beside them are noisy). */
function otherLoad(): string[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m) => m !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
  const parent = new Map(rows.map((r) => [r.pid, r.ppid]));
  const ours = new Set<number>();
  for (let pid: number | undefined = process.pid; pid && !ours.has(pid); pid = parent.get(pid)) ours.add(pid);
  return rows
    .filter((r) => !ours.has(r.pid) && /bench\/|\bwrk\b|next[- ]build|vitest|playwright/.test(r.args) && !/^(sh -c|npm |timeout )/.test(r.args))
    .map((r) => `${r.pid} ${r.args.slice(0, 120)}`);
}

async function check(server: AppServer, apiKey: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}${PATH}`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`policy check answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The cap lets exactly `allowed` reserving checks through; waits until the server sees it. */
async function placeCap(db: pg.Client, server: AppServer, tenant: PolicyTenant, estimate: bigint, allowed: number): Promise<string> {
  const limit = formatUsd(estimate * BigInt(allowed));
  await setCapLimit(db, tenant, limit);
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const answer = await check(server, tenant.apiKey, BENCH_CALL);
    const budgets = answer.budgets as { id: string; limitUsd: string }[];
    if (budgets.some((b) => b.id === tenant.capBudgetId && parseUsd(b.limitUsd) === parseUsd(limit))) return limit;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the server did not see the new cap within 5 s (LISTEN/NOTIFY)");
}

/** Warm-up, then the measured run; `db` (for app phases) counts PostgreSQL work during it. */
async function phase(name: string, pid: number, options: LoadOptions, db: pg.Client | null, postmaster: number | null): Promise<Phase> {
  const warmup = warmupOf(options.requests);
  log(`${name}: warm-up ${int(warmup)}, then ${int(options.requests)} requests at concurrency ${options.connections}`);
  const { complete: warmupComplete } = await runWrk({ ...options, requests: warmup, uniquePrefix: options.uniquePrefix && `${options.uniquePrefix}w` });
  const before = db && (await dbCounters(db));
  const meter = startPhaseCpu(pid, postmaster);
  const load = await runWrk(options);
  const cpu = meter();
  if (!db || !before) return { warmupComplete, load, cpu, db: null };
  // backends report their counters at most once a second
  await new Promise((r) => setTimeout(r, 1_200));
  const after = await dbCounters(db);
  return { warmupComplete, load, cpu, db: { transactions: after.transactions - before.transactions, budgetReads: after.budgetReads - before.budgetReads, ledgerReads: after.ledgerReads - before.ledgerReads } };
}

function describe(p: Phase): Row[] {
  const l = p.load;
  const perRequest = (cores: number) => `${((cores / l.rps) * 1e6).toFixed(0)} µs/request`;
  const pgCpu = p.cpu.postgres === null ? "" : `, PostgreSQL ${p.cpu.postgres.toFixed(2)} (${perRequest(p.cpu.postgres)})`;
  return [
    [`  throughput`, `${int(l.rps)} req/s (${int(l.responses)} in ${l.seconds.toFixed(1)} s${l.complete ? "" : `: stopped by the ${MAX_SECONDS} s bound`})`],
    [`  latency p50 / p75 / p90 / p99 / max`, `${ms(l.p50Ms)} / ${ms(l.p75Ms)} / ${ms(l.p90Ms)} / ${ms(l.p99Ms)} / ${ms(l.maxMs)} ms`],
    [`  CPU, cores busy`, `server ${p.cpu.server.toFixed(2)} (${perRequest(p.cpu.server)}), wrk ${p.cpu.wrk.toFixed(2)}${pgCpu}, other ${p.cpu.other.toFixed(2)}`],
    ...(p.db ? [dbRow(p.db, l.responses)] : []),
  ];
}

function dbRow(db: DbCounters, responses: number): Row {
  const per = (n: number) => (n / responses).toFixed(3);
  return [`  PostgreSQL per request (≈)`, `${per(db.transactions)} transactions, budgets read ${per(db.budgetReads)}, ledgers read ${per(db.ledgerReads)}`];
}

type Results = {
  bare: Phase;
  checks: Phase;
  reserves: Phase;
  caps: CapCheck;
  capAllowed: number;
  reserveWarmup: number;
  /** Warm-up and measured reserving runs both reached their counts (so the cap must be filled exactly). */
  reservesComplete: boolean;
  rssMb: number;
  estimate: string;
  capLimit: string;
};

/** The table, and whether every answer and the database were right (targets are only reported). */
function report(r: Results): { rows: Row[]; correct: boolean } {
  const throughputRatio = r.checks.load.rps / r.bare.load.rps;
  const p99Ratio = r.checks.load.p99Ms / r.bare.load.p99Ms;
  const failed = [r.bare, r.checks, r.reserves].reduce((n, p) => n + p.load.non2xx + p.load.socketErrors, 0);
  const nonAllowed = r.checks.load.responses - r.checks.load.markedA;
  const correctness: Row[] = [
    ["(2) answers allowed / not", `${int(r.checks.load.markedA)} / ${int(nonAllowed)}`, "all allowed", nonAllowed === 0],
    ["cap: used (spent + reserved) / limit", `${r.caps.capUsedUsd} / ${r.caps.capLimitUsd}`, "<= limit", parseUsd(r.caps.capUsedUsd) <= parseUsd(r.caps.capLimitUsd)],
    r.reservesComplete
      ? ["held reservations = cap's allowance", `${int(r.caps.reservations)} = ${int(r.capAllowed)}`, "equal", r.caps.reservations === r.capAllowed]
      : ["held reservations <= cap's allowance", `${int(r.caps.reservations)} <= ${int(r.capAllowed)} (time bound hit)`, "<=", r.caps.reservations <= r.capAllowed],
    ["hard-budget ledgers over their limit", `${r.caps.overCap} of ${r.caps.hardLedgers}`, "0", r.caps.overCap === 0],
    ["ledgers reserved != sum of held", `${r.caps.holdMismatches}`, "0", r.caps.holdMismatches === 0],
    ["failed requests (non-2xx, socket errors)", `${failed}`, "0", failed === 0],
  ];
  const rows: Row[] = [
    ["(1) bare node:http, constant JSON", ""],
    ...describe(r.bare),
    ["(2) non-reserving policy checks", ""],
    ...describe(r.checks),
    ["(3) reserving policy checks", ""],
    ...describe(r.reserves),
    ["(2)/(1) throughput", `${throughputRatio.toFixed(2)}x`, ">= 0.25x", throughputRatio >= 0.25],
    ["(2)/(1) p99", `${p99Ratio.toFixed(2)}x`, "<= 3x", p99Ratio <= 3],
    ["(3) throughput", `${int(r.reserves.load.rps)} req/s`, ">= 2,000", r.reserves.load.rps >= 2000],
    ["(3) p99", `${ms(r.reserves.load.p99Ms)} ms`, "< 25 ms", r.reserves.load.p99Ms < 25],
    ["server peak RSS (VmHWM)", `${r.rssMb.toFixed(0)} MB`],
    ["(3) answers allowed / denied (measured)", `${int(r.reserves.load.markedA)} / ${int(r.reserves.load.markedB)}`],
    ["cap: estimate x allowed = limit", `${r.estimate} x ${int(r.capAllowed)} = ${r.capLimit} USD (${int(r.reserveWarmup + RESERVES)} reserving checks sent)`],
    ...correctness,
  ];
  return { rows, correct: correctness.every(([, , , ok]) => ok) };
}

async function run(databaseUrl: string): Promise<Results> {
  const tenant = await createPolicyTenant(databaseUrl);
  const server = await startAppServer(root, databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let bare: BareServer | null = null;
  try {
    const { rows } = await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const postmaster = postmasterOf(rows[0].pid);
    const probe = await check(server, tenant.apiKey, BENCH_CALL);
    const estimate = parseUsd(String(probe.estimatedCostUsd));
    if (estimate <= 0n) throw new Error(`the bench call has no price: ${JSON.stringify(probe)}`);
    const reserveWarmup = warmupOf(RESERVES);
    const capAllowed = Math.floor(CAP_SHARE * (reserveWarmup + RESERVES));
    const capLimit = await placeCap(db, server, tenant, estimate, capAllowed);
    const constant = JSON.stringify(await check(server, tenant.apiKey, BENCH_CALL));
    bare = await startBareServer(constant);
    const base = { connections: CONNECTIONS, threads: THREADS, maxSeconds: MAX_SECONDS, marks: ['"allowed":true', '"allowed":false'] as [string, string] };
    const checkBody = JSON.stringify({ ...BENCH_CALL, traceId: "bench-run" });
    const bareRun = await phase("(1) bare node:http", bare.pid, { ...base, url: `${bare.url}${PATH}`, bodies: [checkBody], requests: BARE }, null, postmaster);
    await bare.stop();
    bare = null;
    const url = `${server.url}${PATH}`;
    const checks = await phase("(2) non-reserving checks", server.pid, { ...base, url, apiKey: tenant.apiKey, bodies: [checkBody], requests: CHECKS }, db, postmaster);
    const reserveBody = JSON.stringify({ ...BENCH_CALL, traceId: "__UNIQUE__", reserve: true });
    const uniquePrefix = `bench-${Date.now().toString(36)}`;
    const reserves = await phase("(3) reserving checks", server.pid, { ...base, url, apiKey: tenant.apiKey, bodies: [reserveBody], requests: RESERVES, uniquePrefix }, db, postmaster);
    const peakRss = rssMb(server.pid, "VmHWM");
    // requests wrk abandoned in flight when it stopped may still be deciding
    await new Promise((r) => setTimeout(r, 1_000));
    const caps = await checkCaps(db, tenant);
    const reservesComplete = reserves.warmupComplete && reserves.load.complete;
    return { bare: bareRun, checks, reserves, caps, capAllowed, reserveWarmup, reservesComplete, rssMb: peakRss, estimate: formatUsd(estimate), capLimit };
  } finally {
    await bare?.stop();
    await db.end();
    await server.stop();
  }
}

function printTable(rows: Row[], others: string[], noise: number): void {
  const knobs = ["WINDOW_MS", "MAX_ITEMS", "MAX_IN_FLIGHT"].map((k) => `${k}=${process.env[`POLICY_GROUP_${k}`] ?? "default"}`).join(" ");
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i] ?? "").length)));
  console.log(`\npolicy check benchmark (wrk -t${THREADS} -c${CONNECTIONS}; group commit ${knobs}; ${SERVER}; ${os.cpus().length} cores)`);
  for (const [measure, value, target = "", ok] of rows) {
    const verdict = ok === undefined ? "" : ok ? "ok" : "MISSED";
    console.log(`  ${measure.padEnd(w[0])}  ${value.padEnd(w[1])}  ${target.padEnd(w[2])}  ${verdict}`.trimEnd());
  }
  if (noise > 0.1) console.log(`  note: other work on the machine used up to ${noise.toFixed(2)} cores during a phase; figures are noisy`);
  if (others.length) console.log(`  other benchmarks or test runs seen:\n    ${others.join("\n    ")}`);
}

/** A `next build` of this folder started by someone else: building beside it would clobber .next. */
function buildRunning(): boolean {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return out.split("\n").some((line) => {
    // `next build` retitles itself "next-build (v16...)"
    const m = /^\s*(\d+)\s+(.*\bnext(\/dist\/bin\/next)?\s+build\b|next-build\b)/.exec(line);
    if (!m) return false;
    try {
      return fs.realpathSync(`/proc/${m[1]}/cwd`) === fs.realpathSync(root);
    } catch {
      return false;
    }
  });
}

async function main(): Promise<void> {
  for (let waited = 0; buildRunning(); waited++) {
    if (waited === 0) log("another `next build` of this folder is running; waiting for it");
    await new Promise((r) => setTimeout(r, 2_000));
  }
  if (process.env.BENCH_POLICY_BUILD === "0" && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) log("using the existing build as it is (BENCH_POLICY_BUILD=0)");
  else buildIfNeeded(root, log);
  const before = otherLoad();
  if (before.length) log(`other benchmarks are running; figures will be noisy:\n  ${before.join("\n  ")}`);
  const database = await freshDatabase(root, "pg-bench-policy", `finops_bench_policy_${process.pid}`, log);
  let results: Results;
  let others: string[];
  try {
    results = await run(database.url);
    others = [...new Set([...before, ...otherLoad()])];
  } finally {
    await database.close();
  }
  const { rows, correct } = report(results);
  const noise = Math.max(...[results.bare, results.checks, results.reserves].map((p) => p.cpu.other));
  printTable(rows, others, noise);
  // performance targets are reported; only wrong answers or an exceeded cap fail the run
  process.exitCode = correct ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

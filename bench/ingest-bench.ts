// npm run bench:ingest: ingest throughput on a fresh database and app.
//  (a) BENCH_EVENTS (200,000) events in batches of 1,000 from 4 clients,
//      against PostgreSQL's own COPY of the same rows;
//  (b) BENCH_SINGLE_REQUESTS (50,000) one-event POSTs from 50 connections
//      (wrk: a Node load client would be the bottleneck), against the same
//      load on a bare node:http server (bench/bare-server.ts): the limit of
//      this machine, which the issue measured at about 37,000 requests/s;
// COPY runs BENCH_COPY_RUNS (3) times and its median run counts: one run of
// it varied by a quarter from one bench run to the next, more than the ingest
// it is the yardstick of. (a) and (b) come after a warm-up that is not
// measured (BENCH_WARMUP_BATCHES, 10, and BENCH_WARMUP_SINGLE, 5,000: a
// server in service runs JIT-compiled code); then peak server RSS, and stored events and rollups checked against what
// was acknowledged. Group-commit knobs (INGEST_GROUP_*) pass to the server,
// BENCH_NODE_ARGS adds node flags to it (e.g. --cpu-prof), and
// BENCH_SPREAD_HOURS sets how far back event timestamps go (default 48).
import path from "node:path";
import pg from "pg";
import { rssMb, startAppServer } from "./app-server";
import { startBareServer } from "./bare-server";
import { sendBatches } from "./batch-load";
import { createIngestTenant } from "./ingest-tenant";
import { buildIfNeeded } from "./build-if-needed";
import { copyIntoBareTable, type CopyResult, prepareCopy } from "./copy-baseline";
import { type CpuShares, startCpuMeter } from "./cpu-meter";
import { freshDatabase } from "./fresh-database";
import { type Measurements, performanceRows, printTable, storedRows } from "./ingest-report";
import { percentile } from "./percentile";
import { sendSingleEvents } from "./single-load";
import { rollupMismatches, storeTotals } from "./store-checks";
import { batchBody } from "./usage-events";

const root = path.resolve(import.meta.dirname, "..");
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SINGLE_REQUESTS = Number(process.env.BENCH_SINGLE_REQUESTS ?? 50_000);
const WARMUP_BATCHES = Number(process.env.BENCH_WARMUP_BATCHES ?? 10);
const WARMUP_SINGLE = Number(process.env.BENCH_WARMUP_SINGLE ?? 5000);
const COPY_RUNS = Math.max(1, Number(process.env.BENCH_COPY_RUNS ?? 3));
const BATCH = 1000;
const CLIENTS = 4;
const CONNECTIONS = 50;
const SERVER = process.env.DATABASE_URL ? "a new database on DATABASE_URL" : "embedded PostgreSQL";

const log = (message: string) => console.error(`[bench] ${message}`);

async function run(databaseUrl: string): Promise<Measurements> {
  const { apiKey } = await createIngestTenant(databaseUrl);
  const server = await startAppServer(root, databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const startRssMb = rssMb(server.pid, "VmRSS");
    const runId = `bench-${Date.now().toString(36)}`;
    log(`preparing ${EVENTS.toLocaleString("en")} events in batches of ${BATCH}`);
    const bodies = Array.from({ length: Math.ceil(EVENTS / BATCH) }, (_, i) => batchBody(`${runId}-a`, i * BATCH, Math.min(BATCH, EVENTS - i * BATCH)));
    log(`warm-up, not measured: ${WARMUP_BATCHES} batches, ${WARMUP_SINGLE.toLocaleString("en")} single-event requests`);
    const warmBodies = Array.from({ length: WARMUP_BATCHES }, (_, i) => batchBody(`${runId}-wa`, i * BATCH, BATCH));
    const warmA = await sendBatches(server.url, apiKey, warmBodies, CLIENTS);
    const warmB = await sendSingleEvents(server.url, apiKey, `${runId}-wb`, WARMUP_SINGLE, CONNECTIONS);
    const warmup = warmA.acknowledged + warmB.acknowledged;
    await db.query("CHECKPOINT");
    log(`(a) sending batches from ${CLIENTS} clients`);
    let meter = await startCpuMeter(server.pid, db);
    const a = await sendBatches(server.url, apiKey, bodies, CLIENTS);
    const cpuA = await meter();
    const afterARssMb = rssMb(server.pid, "VmHWM");
    log(`COPY baseline, ${COPY_RUNS} runs`);
    const exported = await prepareCopy(db);
    const copies: { copy: CopyResult; cpuCopy: CpuShares }[] = [];
    for (let run = 0; run < COPY_RUNS; run++) {
      await db.query("CHECKPOINT");
      meter = await startCpuMeter(server.pid, db);
      const copy = await copyIntoBareTable(db, exported);
      copies.push({ copy, cpuCopy: await meter() });
    }
    const copyRates = copies.map(({ copy: c }) => c.rows / c.seconds);
    // the run of median rate (nearest rank: of an even count, the lower middle)
    const { copy, cpuCopy } = copies[copyRates.indexOf(percentile(copyRates, 50))];
    log(`(b) ${SINGLE_REQUESTS.toLocaleString("en")} single-event requests from ${CONNECTIONS} connections`);
    await db.query("CHECKPOINT");
    meter = await startCpuMeter(server.pid, db);
    const b = await sendSingleEvents(server.url, apiKey, `${runId}-b`, SINGLE_REQUESTS, CONNECTIONS);
    const cpuB = await meter();
    const peakRssMb = rssMb(server.pid, "VmHWM");
    log("(b) the same load on a bare node:http server");
    const bareServer = await startBareServer(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [] }));
    const bare = await sendSingleEvents(bareServer.url, apiKey, `${runId}-bare`, SINGLE_REQUESTS, CONNECTIONS).finally(bareServer.stop);
    log("verifying the stored events and rollups");
    const totals = await storeTotals(db);
    const [hourlyOff, dailyOff] = [await rollupMismatches(db, "hour"), await rollupMismatches(db, "day")];
    return { warmup, abandonedBound: 2 * CONNECTIONS, a, cpuA, copy, cpuCopy, copyRates, b, cpuB, bare, startRssMb, afterARssMb, peakRssMb, totals, hourlyOff, dailyOff };
  } finally {
    await db.end();
    await server.stop();
  }
}

async function main(): Promise<void> {
  buildIfNeeded(root, log);
  const database = await freshDatabase(root, "pg-bench", `finops_bench_${process.pid}`, log);
  let measured: Measurements;
  try {
    measured = await run(database.url);
  } finally {
    await database.close();
  }
  const knobs = ["WINDOW_MS", "MAX_ITEMS", "MAX_IN_FLIGHT"].map((k) => `${k}=${process.env[`INGEST_GROUP_${k}`] ?? "default"}`).join(" ");
  const spread = process.env.BENCH_SPREAD_HOURS ?? "48";
  printTable(`ingest benchmark (group commit ${knobs}; timestamps over ${spread} h; after a warm-up of ${WARMUP_BATCHES} batches and ${WARMUP_SINGLE} single events; ${SERVER})`, performanceRows(measured));
  const stored = storedRows(measured);
  printTable("stored data", stored);
  // performance targets are reported; only wrong data fails the run
  process.exitCode = stored.some(([, , , ok]) => ok === false) ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

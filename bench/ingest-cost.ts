// npm run bench:ingest-cost: where the CPU of batch ingest goes, per event,
// beside PostgreSQL's own COPY of the same rows. Unlike bench:ingest it runs
// the ingest pipeline in this process, one batch of 1,000 at a time (no HTTP,
// no concurrent batches), so each part is metered alone and the figures
// hardly move with the machine's load:
//  - Node: parsing, validating, pricing and building the statement's parameters;
//  - PostgreSQL, storing: the one statement that inserts a batch and keeps
//    the budget ledgers;
//  - PostgreSQL, compaction: folding the new events into the rollups, run after
//    every BENCH_COST_COMPACT_EVERY batches (13: about one second of batches
//    at bench:ingest's rates; the server folds once a second);
//  - PostgreSQL's COPY of the stored rows into a bare table of the same shape
//    and indexes.
// BENCH_COST_BATCHES (100) batches of BENCH_COST_BATCH (1,000) events are
// measured after 10 unmeasured ones; small batches show the cost per
// transaction that single-event requests pay (bench:ingest (b)).
import path from "node:path";
import pg from "pg";
import { createIngestTenant } from "./ingest-tenant";
import { copyIntoBareTable, prepareCopy } from "./copy-baseline";
import { postgresSeconds } from "./cpu-meter";
import { freshDatabase } from "./fresh-database";
import { printTable, type Row } from "./ingest-report";
import { batchBody } from "./usage-events";

const root = path.resolve(import.meta.dirname, "..");
const BATCHES = Number(process.env.BENCH_COST_BATCHES ?? 100);
const COMPACT_EVERY = Number(process.env.BENCH_COST_COMPACT_EVERY ?? 13);
const BATCH = Number(process.env.BENCH_COST_BATCH ?? 1000);

const log = (message: string) => console.error(`[bench] ${message}`);

/** CPU seconds of PostgreSQL's processes while `work` runs. */
async function postgresCpu(db: pg.Client, work: () => Promise<unknown>): Promise<number> {
  const before = await postgresSeconds(db);
  await work();
  let seconds = 0;
  for (const [pid, s] of await postgresSeconds(db)) seconds += s - (before.get(pid) ?? 0);
  return seconds;
}

const nodeSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const us = (seconds: number, count: number) => `${((seconds * 1e6) / count).toFixed(1)} us`;

async function run(databaseUrl: string): Promise<Row[]> {
  const { apiKey } = await createIngestTenant(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  // imported once DATABASE_URL names the bench's database
  const { authenticateApiKey } = await import("@/lib/api-keys/authenticate-api-key");
  const { ingestEvents } = await import("@/lib/ingest/ingest-events");
  const { compactRollups } = await import("@/lib/rollups/compact-rollups");
  const { closeDb } = await import("@/lib/db");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const principal = await authenticateApiKey(`Bearer ${apiKey}`, "ingest");
    const ingest = async (body: string) => {
      const answer = await ingestEvents({ principal, body: Buffer.from(body), contentType: "application/json" });
      if (answer.accepted !== BATCH) throw new Error(`a batch was not stored whole: ${JSON.stringify(answer).slice(0, 500)}`);
    };
    log("warm-up, not measured: 10 batches");
    for (let i = 0; i < 10; i++) await ingest(batchBody("warm", i * BATCH, BATCH));
    await compactRollups();
    const bodies = Array.from({ length: BATCHES }, (_, i) => batchBody("cost", i * BATCH, BATCH));
    await db.query("CHECKPOINT");
    log(`${BATCHES} batches of ${BATCH}, folded after every ${COMPACT_EVERY}`);
    let node = 0;
    let storing = 0;
    let compaction = 0;
    // PostgreSQL is metered per run of batches between two compactions: metering costs it a query
    for (let first = 0; first < bodies.length; first += COMPACT_EVERY) {
      storing += await postgresCpu(db, async () => {
        for (const body of bodies.slice(first, first + COMPACT_EVERY)) {
          const started = process.cpuUsage();
          await ingest(body);
          node += nodeSeconds(process.cpuUsage(started));
        }
      });
      compaction += await postgresCpu(db, compactRollups);
    }
    log("COPY baseline");
    const exported = await prepareCopy(db);
    await db.query("CHECKPOINT");
    let copied = 0;
    const copying = await postgresCpu(db, async () => void (copied = (await copyIntoBareTable(db, exported)).rows));
    const events = BATCHES * BATCH;
    const postgres = storing + compaction;
    return [
      ["Node: parse, validate, price, parameters", `${us(node, events)} per event`],
      ["PostgreSQL: storing statement", `${us(storing, events)} per event`],
      ["PostgreSQL: rollup compaction", `${us(compaction, events)} per event`],
      ["PostgreSQL: COPY into a bare table", `${us(copying, copied)} per row (${copied.toLocaleString("en")} rows)`],
      ["PostgreSQL: ingest / COPY", `${(postgres / events / (copying / copied)).toFixed(2)}x the CPU per event`],
      ["Node + PostgreSQL / COPY", `${((node + postgres) / events / (copying / copied)).toFixed(2)}x the CPU per event`],
    ];
  } finally {
    await db.end();
    await closeDb();
  }
}

async function main(): Promise<void> {
  const database = await freshDatabase(root, "pg-bench", `finops_bench_cost_${process.pid}`, log);
  try {
    printTable(`batch ingest CPU per event (in-process, one batch at a time; ${BATCHES} batches of ${BATCH})`, await run(database.url));
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

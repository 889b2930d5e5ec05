// npm run bench:queries: the spend dashboard's queries on 10M events over 90
// days (one tenant with 4M, another with 6M), each beside the same question
// asked of raw events with a plain GROUP BY in the same run, without and
// with the rollup read indexes of the schema (bench/queries-proposal.ts).
// The machine may be shared: each query is timed in blocks, without and with
// the indexes alternating (A B B A), so both see the same background load.
//   spend API   the GET /api/v1/spend route handler called in-process with an
//               admin API key: key lookup, query schema, query, JSON body
//               (Next.js's own routing, about 1 ms, is not included)
//   analytics   getSpendSeries alone; for the overview, getMonthToDate (the
//               overview page's data source)
// Options: --events N (10,000,000), --runs N (20), --raw-runs N (5),
// --http (also over HTTP from the existing production build, see
// queries-http.ts), --reseed, --tenant-order (CLUSTER the rollups on their
// keys first: rollups stored in tenant order; later runs keep that layout,
// and say so, until --reseed).
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { GET } from "@/app/api/v1/spend/route";
import { getMonthToDate } from "@/lib/analytics/get-month-to-date";
import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import { loadSpendContext } from "@/lib/analytics/load-spend-context";
import { planCustomerGrains } from "@/lib/analytics/plan-customer-grains";
import { planGrains } from "@/lib/analytics/plan-grains";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { rebuildCustomerRollup } from "@/lib/rollups/compact-rollups";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { closeDb, pool } from "@/lib/db";
import { GetSpendQuery, type GetSpendResponse } from "@/lib/schemas/spend";
import { startOfMonthInZone } from "@/lib/time/zoned";
import { openBenchDatabase } from "./queries-database";
import { timeOverHttp } from "./queries-http";
import { CREATE_READ_INDEXES, DROP_READ_INDEXES } from "./queries-proposal";
import { rawMonthToDate, rawSpend } from "./queries-raw";
import { report, type Result, type Served } from "./queries-report";
import { measure, ms, sample, summarize } from "./queries-timing";

const root = path.resolve(import.meta.dirname, "..");
const log = (message: string) => console.error(`[bench:queries] ${message}`);
const DAY_MS = 86_400_000;
/** Marks rollups a --tenant-order run rewrote, so later runs say so. */
const CLUSTERED = "bench:queries CLUSTERed";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000000" },
    runs: { type: "string", default: "20" },
    "raw-runs": { type: "string", default: "5" },
    http: { type: "boolean", default: false },
    reseed: { type: "boolean", default: false },
    "tenant-order": { type: "boolean", default: false },
  },
});
const events = Number(args.events);
const runs = Number(args.runs);
const rawRuns = Number(args["raw-runs"]);
const tenants = [
  { slug: "bench-tenant", events: Math.round(events * 0.4), seed: 1 },
  { slug: "bench-other", events: events - Math.round(events * 0.4), seed: 2 },
];

type Samples = { api?: number[]; fn: number[] };
type Scenario = { name: string; plan: string; target: boolean; exact: boolean; served: (runs: number) => Promise<Samples>; raw: () => Promise<unknown> };

const pooled = (blocks: Samples[]): Served => ({
  fn: summarize(blocks.flatMap((b) => b.fn)),
  api: blocks[0].api && summarize(blocks.flatMap((b) => b.api ?? [])),
});

/** The zone the customer rollup's days are in (read at start; a zone switch for a customer query recounts them). */
let customerZone = "";

/**
 * Sets the tenant's zone. Only customer queries read zone-dependent rollups:
 * for them the customer rollup is recounted in the zone first, as a zone
 * change in Settings does (lib/org/update-time-zone.ts); other queries skip that.
 */
async function setZone(orgId: string, timeZone: string, customers = false): Promise<void> {
  await pool().query("UPDATE organizations SET time_zone = $2 WHERE id = $1", [orgId, timeZone]);
  if (!customers || customerZone === timeZone) return;
  const started = Date.now();
  await withTransaction(pool(), (client) => rebuildCustomerRollup((sql, ...values) => client.query(sql, values), orgId, timeZone));
  log(`customer rollup recounted in ${timeZone} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  customerZone = timeZone;
}

async function spendScenario(orgId: string, apiKey: string, name: string, timeZone: string, params: Record<string, string>, target: boolean): Promise<Scenario> {
  const customers = params.groupBy === "customer";
  await setZone(orgId, timeZone, customers);
  const query = GetSpendQuery.parse(params);
  const { bucketStarts } = await loadSpendContext({ orgId, teamSlug: null, from: query.from, to: query.to, interval: query.interval });
  const plan =
    query.groupBy === "customer"
      ? planCustomerGrains({ from: query.from, to: query.to, interval: query.interval, timeZone })
      : planGrains({ from: query.from, to: query.to, bucketStarts, rawOnly: false });
  const url = `http://localhost/api/v1/spend?${new URLSearchParams(params)}`;
  const api = () => GET(new Request(url, { headers: { authorization: `Bearer ${apiKey}` } })).then((res) => res.text());
  const fn = () => getSpendSeries({ orgId, teamIds: null, query });
  const raw = () => rawSpend(pool(), orgId, query, timeZone);

  const viaApi = JSON.parse(await api()) as GetSpendResponse;
  const [viaFn, rawCost] = [await fn(), await raw()];
  const exact = viaApi.totals.costUsd === rawCost && viaFn.totals.costUsd === rawCost;
  if (!exact) log(`${name}: totals differ: API ${viaApi.totals.costUsd}, analytics ${viaFn.totals.costUsd}, raw ${rawCost}`);
  const grains = (["daily", "hourly", "raw"] as const).filter((g) => plan[g].length).map((g) => `${g} ${plan[g].length}`).join(" + ");
  const served = async (n: number) => {
    await setZone(orgId, timeZone, customers);
    return { api: await sample(api, n), fn: await sample(fn, n) };
  };
  return { name, plan: grains, target, exact, served, raw };
}

async function overviewScenario(orgId: string, now: Date): Promise<Scenario> {
  const from = startOfMonthInZone(now, "UTC");
  const fn = () => getMonthToDate({ orgId, teamIds: null, timeZone: "UTC", now });
  const raw = () => rawMonthToDate(pool(), orgId, from);
  const exact = (await fn()).costUsd === (await raw());
  const days = Math.round((now.getTime() - from.getTime()) / DAY_MS);
  return { name: `overview: month to date (${days} days)`, plan: "hourly (all)", target: true, exact, served: async (n: number) => ({ fn: await sample(fn, n) }), raw };
}

async function main(): Promise<number> {
  const db = await openBenchDatabase({ root, tenants, reseed: args.reseed, log });
  process.env.DATABASE_URL = db.url;
  let orgId = "";
  try {
    for (const sql of DROP_READ_INDEXES) await pool().query(sql);
    if (args["tenant-order"]) {
      log("CLUSTER usage_rollups_hourly and usage_rollups_daily on their keys (tenant, then time)");
      for (const g of ["hourly", "daily"]) {
        await pool().query(`CLUSTER usage_rollups_${g} USING usage_rollups_${g}_pkey`);
        await pool().query(`COMMENT ON TABLE usage_rollups_${g} IS '${CLUSTERED}'`);
      }
      await pool().query("VACUUM ANALYZE usage_rollups_hourly, usage_rollups_daily");
    }
    const clustered = (await pool().query("SELECT obj_description('usage_rollups_hourly'::regclass) = $1 AS c", [CLUSTERED])).rows[0].c === true;
    const { rows } = await pool().query<{ id: string; max: Date; time_zone: string }>(
      "SELECT o.id, o.time_zone, (SELECT max(ts) FROM usage_events e WHERE e.org_id = o.id) AS max FROM organizations o WHERE o.slug = $1",
      [tenants[0].slug],
    );
    orgId = rows[0].id;
    customerZone = rows[0].time_zone;
    // the range ends just after the last event: ragged, as "the last N days" from the UI is
    const to = new Date(rows[0].max.getTime() + 1);
    const last = (days: number) => ({ from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString() });
    const { secret } = await createApiKey({ orgId, name: `bench-queries-${Date.now()}`, scopes: ["admin"] });
    const scenarios = [
      await spendScenario(orgId, secret, "90 days by team per day (UTC)", "UTC", { ...last(90), groupBy: "team", interval: "day" }, true),
      await spendScenario(orgId, secret, "30 days by model per hour (UTC)", "UTC", { ...last(30), groupBy: "model", interval: "hour" }, true),
      await overviewScenario(orgId, to),
      await spendScenario(orgId, secret, "90 days by team per day (Europe/Berlin)", "Europe/Berlin", { ...last(90), groupBy: "team", interval: "day" }, false),
      await spendScenario(orgId, secret, "90 days by team per day (Asia/Kolkata)", "Asia/Kolkata", { ...last(90), groupBy: "team", interval: "day" }, false),
      await spendScenario(orgId, secret, "30 days by customer per day (UTC)", "UTC", { ...last(30), groupBy: "customer", interval: "day" }, false),
      await spendScenario(orgId, secret, "30 days by customer per day (Europe/Berlin)", "Europe/Berlin", { ...last(30), groupBy: "customer", interval: "day" }, false),
    ];
    const results: Result[] = [];
    for (const s of scenarios) {
      log(`${s.name}: ${s.plan}`);
      const blocks: Record<"now" | "proposed", Samples[]> = { now: [], proposed: [] };
      for (const phase of ["now", "proposed", "proposed", "now"] as const) {
        for (const sql of phase === "now" ? DROP_READ_INDEXES : CREATE_READ_INDEXES) await pool().query(sql);
        blocks[phase].push(await s.served(Math.ceil(runs / 2)));
      }
      const raw = await measure(s.raw, rawRuns, 1);
      results.push({ name: s.name, plan: s.plan, target: s.target, exact: s.exact, now: pooled(blocks.now), proposed: pooled(blocks.proposed), raw });
    }
    // a missing or half-written build (another `next build` running) skips this phase, nothing else
    const http = args.http
      ? await timeOverHttp({
          root, databaseUrl: db.url, orgId, apiKey: secret, runs,
          spend: [
            { name: "90 days by team per day", query: new URLSearchParams({ ...last(90), groupBy: "team", interval: "day" }).toString() },
            { name: "30 days by model per hour", query: new URLSearchParams({ ...last(30), groupBy: "model", interval: "hour" }).toString() },
          ],
        }).catch((err: Error) => (log(`HTTP phase skipped: ${err.message}`), []))
      : [];

    const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
    const layout = clustered ? "rollups CLUSTERed in tenant order (--reseed undoes it)" : "rollups as seeded (two tenants written concurrently)";
    const overHttp = http.map((h) => `  ${h.name.padEnd(56)} p50 ${ms(h.timing.p50)} / p95 ${ms(h.timing.p95)} ms`).join("\n");
    if (http.length) console.log(`\nover HTTP (app as npm start runs it, without read indexes, UTC):\n${overHttp}`);
    console.log(`\n${report(results, `${events.toLocaleString("en")} events over 90 days, tenant ${tenants[0].events.toLocaleString("en")}; ${layout}; ${2 * Math.ceil(runs / 2)} runs per figure in blocks A B B A (raw ${rawRuns}); ${os.cpus().length} cores, load ${load}`)}\n`);
    return results.every((r) => r.exact) ? 0 : 1;
  } finally {
    // the schema has the read indexes: leave the database as migrations made it
    for (const sql of CREATE_READ_INDEXES) await pool().query(sql).catch(() => undefined);
    if (orgId) await setZone(orgId, "UTC", true).catch(() => undefined);
    await closeDb();
    await db.stop();
  }
}

process.exit(await main());

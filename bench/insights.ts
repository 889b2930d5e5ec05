// npm run bench:insights: GET /api/v1/insights on the 10M-event database of
// bench:queries (one tenant with 4M events, another with 6M, over 90 days;
// seeded on first use, minutes), timed through the route handler in-process
// with an admin API key, beside what a naive detector would pay in the same
// run: one GROUP BY of raw events per trace over the same 30 days.
// Options: --events N (10,000,000), --runs N (15), --reseed.
import path from "node:path";
import { parseArgs } from "node:util";
import { GET } from "@/app/api/v1/insights/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { closeDb, pool } from "@/lib/db";
import type { GetInsightsResponse } from "@/lib/schemas/insights";
import { openBenchDatabase } from "./queries-database";
import { measure, ms, type Timing } from "./queries-timing";

const root = path.resolve(import.meta.dirname, "..");
const log = (message: string) => console.error(`[bench:insights] ${message}`);
const DAY_MS = 86_400_000;
const TARGET_MS = 500;

const { values: args } = parseArgs({
  options: { events: { type: "string", default: "10000000" }, runs: { type: "string", default: "15" }, reseed: { type: "boolean", default: false } },
});
const events = Number(args.events);
const runs = Number(args.runs);
const tenants = [
  { slug: "bench-tenant", events: Math.round(events * 0.4), seed: 1 },
  { slug: "bench-other", events: events - Math.round(events * 0.4), seed: 2 },
];

async function main(): Promise<number> {
  const db = await openBenchDatabase({ root, tenants, reseed: args.reseed, log });
  process.env.DATABASE_URL = db.url;
  try {
    await pool().query("VACUUM ANALYZE usage_events");
    const { rows } = await pool().query<{ id: string; max: Date }>(
      "SELECT o.id, (SELECT max(ts) FROM usage_events e WHERE e.org_id = o.id) AS max FROM organizations o WHERE o.slug = $1",
      [tenants[0].slug],
    );
    const orgId = rows[0].id;
    const to = new Date(rows[0].max.getTime() + 1);
    const last = (days: number) => ({ from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString() });
    const { secret } = await createApiKey({ orgId, name: `bench-insights-${Date.now()}`, scopes: ["admin"] });
    const call = async (params: Record<string, string>) => {
      const res = await GET(new Request(`http://localhost/api/v1/insights?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${secret}` } }));
      if (res.status !== 200) throw new Error(`GET /api/v1/insights answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as GetInsightsResponse;
    };

    const sample = await call(last(30));
    const kinds = new Map<string, number>();
    for (const i of sample.insights) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
    log(`30 days: ${sample.insights.length} insights (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}); detail window ${sample.detailWindow.from} → ${sample.detailWindow.to}`);
    for (const i of sample.insights.slice(0, 8)) log(`  ${i.kind.padEnd(13)} ${(i.monthlySavingsUsd ?? i.usdAtStake).padStart(16)}  ${i.title}`);

    const scenarios: Array<[string, Record<string, string>]> = [
      ["30 days, every team", last(30)],
      ["90 days, every team", last(90)],
      ["30 days, team data-science", { ...last(30), team: "data-science" }],
    ];
    const results: Array<[string, Timing]> = [];
    for (const [name, params] of scenarios) {
      const timing = await measure(() => call(params), runs);
      results.push([name, timing]);
      log(`${name}: p50 ${ms(timing.p50)} ms, p95 ${ms(timing.p95)} ms`);
    }
    const naive = await measure(
      () =>
        pool().query(
          "SELECT trace_id, count(*), sum(cost_usd) FROM usage_events WHERE org_id = $1 AND ts >= $2 AND ts < $3 AND trace_id IS NOT NULL GROUP BY trace_id",
          [orgId, last(30).from, last(30).to],
        ),
      2,
      1,
    );

    console.log(`\nbench:insights on ${events.toLocaleString("en")} events (tenant ${tenants[0].slug}: ${tenants[0].events.toLocaleString("en")}), ${runs} runs each`);
    console.log("scenario                          p50 ms    p95 ms   target p50 < 500 ms");
    for (const [name, t] of results) console.log(`${name.padEnd(32)} ${ms(t.p50).padStart(7)} ${ms(t.p95).padStart(9)}   ${t.p50 < TARGET_MS ? "ok" : "MISSED"}`);
    console.log(`naive per-trace GROUP BY over 30 days of raw events (one detector's input alone): p50 ${ms(naive.p50)} ms`);
    return results.every(([, t]) => t.p50 < TARGET_MS) ? 0 : 1;
  } finally {
    await closeDb();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);

// Ingest adds spend to budget ledgers from events summed per local day first
// (ledger-upsert-sql.ts): every ledger must still equal the spend of its
// period recounted from the events, in zones whose midnight is off the UTC
// hour or skipped by daylight saving time, for every period.
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool, prisma } from "@/lib/db";
import type { BudgetPeriod } from "@/lib/schemas/budgets";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { machineServerForTests } from "@/tests/machine-server";
import { wallClock, zonedTimeToUtc } from "@/lib/time/zoned";
import { periodEndSql } from "./ledger-upsert-sql";
import { periodBounds } from "./period";

const server = machineServerForTests();

const DAY_MS = 86_400_000;
const PERIODS = ["day", "week", "month", "quarter"] as const satisfies readonly BudgetPeriod[];
const DAYS = 200;

/** The local midnight (UTC ms) that starts the day `daysAgo` days before `now` in the zone. */
function localMidnight(now: number, daysAgo: number, timeZone: string): number {
  const { year, month, day } = wallClock(new Date(now - daysAgo * DAY_MS), timeZone);
  return zonedTimeToUtc(year, month, day, timeZone).getTime();
}

describe("ledgers kept by ingest", () => {
  it.each(["UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "America/Santiago", "Europe/Berlin"])("equal each period's spend recounted from the events in %s", async (timeZone) => {
    const { org } = await makeOrg({ teams: ["search", "support"] });
    await prisma().organization.update({ where: { id: org.id }, data: { timeZone } });
    const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest"] });
    for (const period of PERIODS) await makeBudget(org.id, { period, limitUsd: "1000000", name: `every ${period}` });
    await makeBudget(org.id, { period: "day", limitUsd: "1000000", scopeType: "feature", scopeValue: "search-answers", name: "feature day" });
    // 400 events over the last 200 days, a third within 2 h of a local midnight, half of
    // those of a day the clocks change (when the zone has one); two features, two teams
    const now = Date.now();
    const changeDays = Array.from({ length: DAYS }, (_, d) => d).filter((d) => localMidnight(now, d - 1, timeZone) - localMidnight(now, d, timeZone) !== DAY_MS);
    const events = Array.from({ length: 400 }, (_, i) => {
      const day = Math.floor(Math.random() * DAYS);
      const nearChange = i % 2 === 1 && changeDays.length > 0;
      const near = (d: number) => localMidnight(now, d, timeZone) + Math.round((Math.random() - 0.5) * 4 * 3600_000);
      const at = i % 3 === 0 ? near(nearChange ? changeDays[i % changeDays.length] : day) : now - day * DAY_MS - Math.random() * DAY_MS;
      const ts = Math.min(now - 1_000, at);
      return makeUsageEvent({ team: i % 2 ? "search" : "support", feature: i % 5 ? "search-answers" : "triage", timestamp: new Date(ts).toISOString(), costUsd: (((i * 7919) % 1000) / 1000 + 0.000000001 * i).toFixed(9) });
    });
    const res = await fetch(`${server.url()}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: JSON.stringify({ events }) });
    expect((await res.json()).accepted).toBe(400);
    const { rows } = await pool().query<{ budget: string; ledgers: number; periods: number; off: number }>(
      `SELECT b.name AS budget,
              (SELECT count(*)::int FROM budget_ledgers l WHERE l.org_id = b.org_id AND l.budget_id = b.id) AS ledgers,
              (SELECT count(DISTINCT date_trunc(b.period::text, e.ts, $2))::int FROM usage_events e
                WHERE e.org_id = b.org_id AND (b.scope_type = 'org' OR e.feature = b.scope_value)) AS periods,
              (SELECT count(*)::int FROM budget_ledgers l
                WHERE l.org_id = b.org_id AND l.budget_id = b.id
                  AND l.spent_usd <> (SELECT coalesce(sum(e.cost_usd), 0) FROM usage_events e
                                       WHERE e.org_id = l.org_id AND e.ts >= l.period_start AND e.ts < l.period_end
                                         AND (b.scope_type = 'org' OR e.feature = b.scope_value))) AS off
         FROM budgets b WHERE b.org_id = $1 ORDER BY b.name`,
      [org.id, timeZone],
    );
    expect(rows).toHaveLength(PERIODS.length + 1);
    for (const row of rows) {
      expect(row.off, `${row.budget}: ledgers off their recount`).toBe(0);
      expect(row.ledgers, `${row.budget}: one ledger per period with spend`).toBe(row.periods);
    }
    const total = await pool().query<{ ledgers: string; events: string }>(
      `SELECT (SELECT sum(spent_usd)::text FROM budget_ledgers l JOIN budgets b ON b.id = l.budget_id WHERE l.org_id = $1 AND b.name = 'every month') AS ledgers,
              (SELECT sum(cost_usd)::text FROM usage_events WHERE org_id = $1) AS events`,
      [org.id],
    );
    expect(total.rows[0].ledgers).toBe(total.rows[0].events);
  });

  // The policy check reads the ledger at periodBounds(...).start: on days whose midnight the clocks skip
  // or pass twice it must still be the key ingest writes (date_trunc), or a hard cap misses that day's spend;
  // and each period, in periodBounds and in the ledger ingest writes, ends where the next one starts.
  // (The next one is found from a local time half a day into it.)
  it.each([
    ["America/Santiago", "2026-09-06"], // 00:00 → 01:00
    ["America/Havana", "2026-03-08"], // 00:00 → 01:00
    ["America/Havana", "2026-11-01"], // 01:00 → 00:00
    ["America/Asuncion", "2023-10-01"], // a month and a quarter start skipped
    ["Asia/Tehran", "2021-03-22"], // a Monday skipped
  ])("periodBounds is date_trunc's period in %s around %s, for every period", async (timeZone, day) => {
    const instants = Array.from({ length: 53 }, (_, i) => new Date(Date.parse(`${day}T00:00:00Z`) - 14 * 3600_000 + i * 3600_000));
    const { rows } = await pool().query<{ at: Date; period: BudgetPeriod; start: Date; ledger_end: Date; next: Date }>(
      `SELECT at, period, s AS start, ${periodEndSql("s", "period", "$3")} AS ledger_end,
              date_trunc(period, ((s AT TIME ZONE $3) + (CASE period WHEN 'quarter' THEN interval '3 months' ELSE ('1 ' || period)::interval END) + interval '12 hours') AT TIME ZONE $3, $3) AS next
         FROM unnest($1::timestamptz[]) at CROSS JOIN unnest($2::text[]) period CROSS JOIN LATERAL (SELECT date_trunc(period, at, $3) AS s) t`,
      [instants, PERIODS, timeZone],
    );
    expect(rows).toHaveLength(instants.length * PERIODS.length);
    for (const row of rows) {
      const bounds = periodBounds(row.period, row.at, timeZone);
      const where = `${row.period} at ${row.at.toISOString()}`;
      expect({ start: bounds.start.toISOString(), end: bounds.end.toISOString() }, where).toEqual({ start: row.start.toISOString(), end: row.next.toISOString() });
      expect(row.ledger_end.toISOString(), `${where}: the end ingest gives the ledger`).toBe(row.next.toISOString());
    }
  });
});

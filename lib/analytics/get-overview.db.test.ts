// The Overview agrees with plain SQL over usage_events to the nano-dollar,
// and a team-limited caller sees only their teams.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { formatUsd, parseUsd } from "@/lib/money";
import { seedOrg } from "@/lib/seed/seed-org";
import { makeBudget } from "@/tests/factories";
import { getOverview, type Overview } from "./get-overview";

const NOW = new Date("2026-11-20T10:30:00Z");
const MONTH = new Date("2026-11-01T00:00:00Z");
const PREVIOUS = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-20T10:30:00Z") };

type RawTotals = { cost: string; saved: string; unpriced: number; events: number; tokens: number; unreviewed: string };

async function raw(orgId: string, from: Date, to: Date, teamIds: string[] | null): Promise<RawTotals> {
  const { rows } = await pool().query<{ cost: string; saved: string; unpriced: string; events: string; tokens: string; unreviewed: string }>(
    `SELECT round(coalesce(sum(e.cost_usd), 0), 9)::text AS cost, round(coalesce(sum(e.saved_usd), 0), 9)::text AS saved,
            count(*) FILTER (WHERE e.unpriced)::text AS unpriced, count(*)::text AS events,
            coalesce(sum(e.input_tokens + e.output_tokens), 0)::text AS tokens,
            round(coalesce(sum(e.cost_usd) FILTER (WHERE t.unreviewed), 0), 9)::text AS unreviewed
       FROM usage_events e JOIN teams t ON t.org_id = e.org_id AND t.id = e.team_id
      WHERE e.org_id = $1 AND e.ts >= $2 AND e.ts < $3 AND ($4::text[] IS NULL OR e.team_id = ANY($4))`,
    [orgId, from, to, teamIds],
  );
  const r = rows[0];
  return { cost: r.cost, saved: r.saved, unpriced: Number(r.unpriced), events: Number(r.events), tokens: Number(r.tokens), unreviewed: r.unreviewed };
}

async function rawByTeam(orgId: string, from: Date, to: Date): Promise<Map<string, string>> {
  const { rows } = await pool().query<{ slug: string; cost: string }>(
    `SELECT t.slug, round(sum(e.cost_usd), 9)::text AS cost FROM usage_events e JOIN teams t ON t.org_id = e.org_id AND t.id = e.team_id
      WHERE e.org_id = $1 AND e.ts >= $2 AND e.ts < $3 GROUP BY t.slug`,
    [orgId, from, to],
  );
  return new Map(rows.map((r) => [r.slug, r.cost]));
}

function expectTotals(overview: Overview, expected: RawTotals) {
  expect(overview.costUsd).toBe(expected.cost);
  expect(overview.savedUsd).toBe(expected.saved);
  expect(overview.unpricedEvents).toBe(expected.unpriced);
  expect(overview.events).toBe(expected.events);
  expect(overview.inputTokens + overview.outputTokens).toBe(expected.tokens);
  expect(overview.unreviewedUsd).toBe(expected.unreviewed);
}

describe("getOverview", () => {
  let orgId: string;
  beforeAll(async () => {
    ({ orgId } = await seedOrg({ slug: `overview-${randomUUID().slice(0, 8)}`, events: 4000, days: 75, end: NOW, seed: 7 }));
  });

  it("agrees with raw events: month to date, previous period, daily series and top teams", async () => {
    const overview = await getOverview({ orgId, teamIds: null, timeZone: "UTC", now: NOW });
    expectTotals(overview, await raw(orgId, MONTH, NOW, null));
    expect(overview.previousUsd).toBe((await raw(orgId, PREVIOUS.from, PREVIOUS.to, null)).cost);

    expect(overview.daily).toHaveLength(90);
    expect(overview.daily.at(-1)?.date).toBe("2026-11-20");
    const dailyTotal = overview.daily.reduce((a, d) => a + parseUsd(d.costUsd), 0n);
    expect(formatUsd(dailyTotal)).toBe((await raw(orgId, new Date("2026-08-23T00:00:00Z"), NOW, null)).cost);
    const mtdFromDaily = overview.daily.filter((d) => d.date >= "2026-11-01").reduce((a, d) => a + parseUsd(d.costUsd), 0n);
    expect(formatUsd(mtdFromDaily)).toBe(overview.costUsd);

    const byTeam = await rawByTeam(orgId, MONTH, NOW);
    expect(overview.top.team.length).toBe(Math.min(5, byTeam.size));
    for (const row of overview.top.team) expect(row.costUsd).toBe(byTeam.get(row.key));
    const best = [...byTeam.values()].map(parseUsd).reduce((a, b) => (a > b ? a : b), 0n);
    expect(overview.top.team[0]?.costUsd).toBe(formatUsd(best));

    expect(overview.forecastUsd).not.toBeNull();
    expect(parseUsd(overview.forecastUsd ?? "0")).toBeGreaterThan(parseUsd(overview.costUsd));
    expect(overview.forecastMethod).toMatch(/weekday/);
  });

  it("limits a team lead to their teams", async () => {
    const { rows } = await pool().query<{ id: string; slug: string }>(`SELECT id, slug FROM teams WHERE org_id = $1 ORDER BY slug LIMIT 1`, [orgId]);
    const team = rows[0];
    const overview = await getOverview({ orgId, teamIds: [team.id], timeZone: "UTC", now: NOW });
    expectTotals(overview, await raw(orgId, MONTH, NOW, [team.id]));
    expect(overview.top.team.map((t) => t.key)).toEqual(overview.costUsd === "0.000000000" ? [] : [team.slug]);
    expect(overview.teams.map((t) => t.slug)).toEqual([team.slug]);
    expect(overview.movers.team.every((m) => m.key === team.slug)).toBe(true);
  });

  it("lists budget burn in the caller's scope with a forecast per period", async () => {
    const { rows } = await pool().query<{ id: string }>(`SELECT id FROM teams WHERE org_id = $1 ORDER BY slug LIMIT 2`, [orgId]);
    const org = await makeBudget(orgId, { name: "org budget", limitUsd: "500" });
    const team = await makeBudget(orgId, { name: "team budget", scopeType: "team", scopeValue: rows[0].id, period: "week" });
    const none = await getOverview({ orgId, teamIds: null, timeZone: "UTC", now: NOW });
    expect(none.budgets.find((b) => b.id === org.id)).toMatchObject({ limitUsd: "500.000000000", spentUsd: "0.000000000", forecastUsd: "0.000000000", status: "ok" });
    // spend so far in each current period (UTC): the month of November, the ISO week from Monday 16 November
    await pool().query(
      `INSERT INTO budget_ledgers (org_id, budget_id, period_start, period_end, spent_usd)
       VALUES ($1, $2, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 19.4375), ($1, $3, '2026-11-16T00:00:00Z', '2026-11-23T00:00:00Z', 10.65)`,
      [orgId, org.id, team.id],
    );
    const all = await getOverview({ orgId, teamIds: null, timeZone: "UTC", now: NOW });
    expect(all.budgets.map((b) => b.id).sort()).toEqual([org.id, team.id].sort());
    // 466.5 of the month's 720 hours gone: 19.4375 x 720 / 466.5; 106.5 of the week's 168: 10.65 x 168 / 106.5
    expect(all.budgets.find((b) => b.id === org.id)).toMatchObject({ period: "month", spentUsd: "19.437500000", forecastUsd: "30.000000000", status: "ok" });
    expect(all.budgets.find((b) => b.id === team.id)).toMatchObject({ period: "week", spentUsd: "10.650000000", forecastUsd: "16.800000000" });
    const lead = await getOverview({ orgId, teamIds: [rows[1].id], timeZone: "UTC", now: NOW });
    expect(lead.budgets).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { pool, prisma } from "@/lib/db";
import { foldAll } from "@/tests/fold-all";
import { HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";
import { randomSlug } from "@/tests/factories";
import { DEMO_TEAMS } from "./demo-catalog";
import { DEMO_USERS, demoPassword } from "./demo-users";
import { seedOrg } from "./seed-org";

const END = new Date("2026-11-28T06:00:00Z");

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const { rows } = await pool().query(sql, params);
  return rows[0] as T;
}

/** The rollup as it should be, recomputed from the stored events. */
function expectedRollup(grain: "hour" | "day"): string {
  return `SELECT date_trunc('${grain}', ts, 'UTC') AS bucket, team_id, feature, provider, model,
      count(*) AS events, count(*) FILTER (WHERE status = 'error') AS error_events,
      count(*) FILTER (WHERE cache_hit) AS cache_hits, count(*) FILTER (WHERE unpriced) AS unpriced_events,
      sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
      sum(cached_input_tokens) AS cached_input_tokens, sum(cache_write_tokens) AS cache_write_tokens,
      sum(reasoning_tokens) AS reasoning_tokens, sum(cost_usd) AS cost_usd, sum(saved_usd) AS saved_usd,
      sum(coalesce(latency_ms, 0)) AS latency_ms_sum
    FROM usage_events WHERE org_id = $1 GROUP BY 1, 2, 3, 4, 5`;
}

function storedRollup(table: string): string {
  return `SELECT bucket, team_id, feature, provider, model, events, error_events, cache_hits, unpriced_events,
      input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens, cost_usd,
      saved_usd, latency_ms_sum
    FROM ${table} WHERE org_id = $1`;
}

describe("seedOrg", () => {
  it("seeds teams, events and outcomes whose rollups equal the events exactly", async () => {
    const slug = randomSlug("seed");
    // small chunks: several transactions add into the same rollup rows
    const result = await seedOrg({ slug, events: 5_000, days: 30, end: END, chunkSize: 1_200 });
    expect(result).toMatchObject({ skipped: false, teams: DEMO_TEAMS.length, users: 0, events: 5_000, unpricedEvents: 0 });
    expect(result.outcomes).toBeGreaterThan(0);
    const orgId = result.orgId;

    const counts = await one<{ events: string; outcomes: string; teams: string }>(
      `SELECT (SELECT count(*) FROM usage_events WHERE org_id = $1)::text AS events,
              (SELECT count(*) FROM outcomes WHERE org_id = $1)::text AS outcomes,
              (SELECT count(*) FROM teams WHERE org_id = $1)::text AS teams`,
      [orgId],
    );
    expect(counts).toEqual({ events: "5000", outcomes: String(result.outcomes), teams: String(DEMO_TEAMS.length) });

    const costs = await one<Record<string, string>>(
      `SELECT (SELECT sum(cost_usd) FROM usage_events WHERE org_id = $1)::text AS events,
              (SELECT sum(cost_usd) FROM usage_rollups_hourly WHERE org_id = $1)::text AS hourly,
              (SELECT sum(cost_usd) FROM usage_rollups_daily WHERE org_id = $1)::text AS daily`,
      [orgId],
    );
    expect(costs).toEqual({ events: result.costUsd, hourly: result.costUsd, daily: result.costUsd });
    // every rollup row, every column, both ways
    for (const [table, grain] of [["usage_rollups_hourly", "hour"], ["usage_rollups_daily", "day"]] as const) {
      const diff = await one<{ n: string }>(
        `SELECT count(*)::text AS n FROM ((${expectedRollup(grain)} EXCEPT ${storedRollup(table)})
           UNION ALL (${storedRollup(table)} EXCEPT ${expectedRollup(grain)})) d`,
        [orgId],
      );
      expect(diff.n, table).toBe("0");
    }
    // and no fold counts them again: as read (rollups plus unfolded events), the totals are the same
    await foldAll();
    const asRead = await one<Record<string, string>>(
      `SELECT (SELECT sum(cost_usd) FROM ${HOURLY_ROLLUP} h WHERE org_id = $1)::text AS hourly,
              (SELECT sum(cost_usd) FROM usage_rollups_hourly WHERE org_id = $1)::text AS folded`,
      [orgId],
    );
    expect(asRead).toEqual({ hourly: result.costUsd, folded: result.costUsd });
  });

  it("does nothing with ifEmpty when the organisation already has events", async () => {
    const slug = randomSlug("seed");
    const first = await seedOrg({ slug, events: 500, days: 7, end: END });
    const again = await seedOrg({ slug, events: 500, days: 7, end: END, ifEmpty: true });
    expect(again).toMatchObject({ orgId: first.orgId, skipped: true, events: 0 });
    const counts = await one<{ events: string; hourly: string }>(
      `SELECT (SELECT count(*) FROM usage_events WHERE org_id = $1)::text AS events,
              (SELECT sum(events) FROM usage_rollups_hourly WHERE org_id = $1)::text AS hourly`,
      [first.orgId],
    );
    expect(counts).toEqual({ events: "500", hourly: "500" });
  });

  // the per-run test database is thrown away, so the real demo slug is safe here
  it("creates the demo sign-ins: one team lead of one team, a viewer of two, the rest org-wide", async () => {
    const result = await seedOrg({ slug: "demo", events: 200, days: 7, end: END, ifEmpty: true });
    await seedOrg({ slug: "demo", events: 200, days: 7, end: END, ifEmpty: true });
    expect(result.users).toBe(DEMO_USERS.length);
    const members = await prisma().membership.findMany({
      where: { orgId: result.orgId },
      include: { user: true, teams: { include: { team: true } } },
    });
    const byEmail = new Map(members.map((m) => [m.user.email, m]));
    expect(byEmail.get("admin@demo.local")?.role).toBe("admin");
    expect(byEmail.get("finance@demo.local")?.role).toBe("finance");
    expect(byEmail.get("lead@demo.local")?.role).toBe("team_lead");
    expect(byEmail.get("lead@demo.local")?.teams.map((t) => t.team.slug)).toEqual(["support"]);
    expect(byEmail.get("viewer@demo.local")?.role).toBe("viewer");
    expect(byEmail.get("viewer@demo.local")?.teams).toHaveLength(2);
    const led = new Set(members.filter((m) => m.role === "team_lead").flatMap((m) => m.teams.map((t) => t.teamId)));
    expect(DEMO_TEAMS.length - led.size).toBeGreaterThan(1);

    const stored = await one<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = $1", ["lead@demo.local"]);
    expect(await verifyPassword(demoPassword(), stored.password_hash)).toBe(true);
    const events = await one<{ n: string }>("SELECT count(*)::text AS n FROM usage_events WHERE org_id = $1", [result.orgId]);
    expect(events.n).toBe("200");
  });
});

// The oracle of the spend tests: the same question answered by a plain
// GROUP BY over usage_events, exact numeric sums as text.
import { expect } from "vitest";
import { pool } from "@/lib/db";
import { seedOrg } from "@/lib/seed/seed-org";
import type { GetSpendQuery, GetSpendResponse } from "@/lib/schemas/spend";
import { randomSlug } from "@/tests/factories";

const KEY = { team: "tm.slug", model: "e.model", feature: "e.feature", provider: "e.provider", customer: "e.customer_id" } as const;

/** Seeded data ends mid-hour and spans the EU (25 Oct) and US (1 Nov) ends of summer time. */
export const SEED_END = new Date("2026-11-05T10:20:00Z");

/** A fresh organisation with 14 days of generated usage; optionally in another time zone. */
export async function seedSpendOrg(timeZone = "UTC"): Promise<{ orgId: string; teamIds: Map<string, string> }> {
  const { orgId } = await seedOrg({ slug: randomSlug("spend"), events: 6_000, days: 14, end: SEED_END, timeZone });
  const { rows } = await pool().query<{ id: string; slug: string }>("SELECT id, slug FROM teams WHERE org_id = $1", [orgId]);
  return { orgId, teamIds: new Map(rows.map((r) => [r.slug, r.id])) };
}

export async function rawSpend(orgId: string, q: GetSpendQuery, teamIds: string[] | null) {
  const where = `e.org_id = $1 AND e.ts >= $2 AND e.ts < $3 AND ($4::text[] IS NULL OR e.team_id = ANY($4))
    AND ($5::text IS NULL OR tm.slug = $5) AND ($6::text IS NULL OR e.model = $6) AND ($7::text IS NULL OR e.feature = $7)
    AND ($8::text IS NULL OR e.provider = $8) AND ($9::text IS NULL OR e.customer_id = $9)`;
  const from = `FROM usage_events e JOIN teams tm ON tm.org_id = e.org_id AND tm.id = e.team_id JOIN organizations o ON o.id = e.org_id`;
  const params = [orgId, q.from, q.to, teamIds, q.team ?? null, q.model ?? null, q.feature ?? null, q.provider ?? null, q.customer ?? null];
  const sums = "sum(e.cost_usd)::text AS cost, sum(e.input_tokens)::text AS input, sum(e.output_tokens)::text AS output, count(*)::text AS events";
  const [points, totals] = await Promise.all([
    pool().query<{ t: Date; key: string | null; cost: string; input: string; output: string; events: string }>(
      `SELECT date_trunc($10, e.ts, o.time_zone) AS t, ${KEY[q.groupBy]} AS key, ${sums} ${from} WHERE ${where} GROUP BY 1, 2`,
      [...params, q.interval],
    ),
    pool().query<{ cost: string | null; input: string | null; output: string | null; events: string }>(`SELECT ${sums} ${from} WHERE ${where}`, params),
  ]);
  return { points: points.rows, totals: totals.rows[0] };
}

/** Every non-empty point and the totals equal the raw GROUP BY to the nano-dollar; every other point is zero. */
export function expectAgreesWithRaw(res: GetSpendResponse, raw: Awaited<ReturnType<typeof rawSpend>>): void {
  const points = new Map(res.series.flatMap((s) => s.points.map((p) => [`${s.key}|${Date.parse(p.t)}`, p] as const)));
  for (const r of raw.points) {
    expect(points.get(`${r.key}|${r.t.getTime()}`), `${r.key} at ${r.t.toISOString()}`).toEqual({
      t: expect.any(String),
      costUsd: r.cost,
      inputTokens: Number(r.input),
      outputTokens: Number(r.output),
      events: Number(r.events),
    });
  }
  const nonEmpty = [...points.values()].filter((p) => p.events > 0 || p.costUsd !== "0.000000000");
  expect(nonEmpty.length).toBe(raw.points.length);
  expect(res.totals).toEqual({
    costUsd: raw.totals.cost ?? "0.000000000",
    inputTokens: Number(raw.totals.input ?? 0),
    outputTokens: Number(raw.totals.output ?? 0),
    events: Number(raw.totals.events),
  });
}

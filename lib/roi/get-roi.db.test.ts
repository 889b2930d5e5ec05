// ROI end to end: events and outcomes stored by the ingest pipeline, read
// back through getRoi, checked with exact decimals.
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { ingestOutcomes } from "@/lib/ingest/ingest-outcomes";
import { formatUsd, parseUsd } from "@/lib/money";
import { GetRoiQuery, GetRoiResponse, type RoiRow } from "@/lib/schemas/roi";
import { seedOrg } from "@/lib/seed/seed-org";
import { makeOrg, randomSlug } from "@/tests/factories";
import { getRoi } from "./get-roi";

const NOW = new Date("2026-11-20T00:00:00Z");
const RANGE = { from: "2026-11-02T00:00:00Z", to: "2026-11-03T00:00:00Z" };

type Item = Record<string, unknown>;

function principal(orgId: string) {
  return { orgId, keyId: "test-key", scopes: ["ingest" as const], teamId: null };
}

async function sendEvents(orgId: string, events: Item[]) {
  const res = await ingestEvents({ principal: principal(orgId), body: Buffer.from(JSON.stringify({ events })), now: NOW });
  expect(res.rejected).toEqual([]);
  return res;
}

async function sendOutcomes(orgId: string, outcomes: Item[]) {
  const res = await ingestOutcomes({ principal: principal(orgId), body: Buffer.from(JSON.stringify({ outcomes })), now: NOW });
  expect(res.rejected).toEqual([]);
  return res;
}

let n = 0;
const event = (o: Item): Item => ({ id: `e${n++}`, timestamp: "2026-11-02T10:00:00Z", team: "alpha", feature: "answer", provider: "openai", model: "gpt-4o", usage: { inputTokens: 1000, outputTokens: 100 }, ...o });
const outcome = (o: Item): Item => ({ id: `o${n++}`, timestamp: "2026-11-02T10:05:00Z", team: "alpha", feature: "answer", kind: "won", ...o });

async function roi(orgId: string, params: Record<string, string>, teamIds: string[] | null = null) {
  const res = await getRoi({ orgId, teamIds, query: GetRoiQuery.parse({ ...RANGE, ...params }) });
  expect(GetRoiResponse.parse(res)).toEqual(res);
  return res;
}

const byKey = (rows: RoiRow[]) => Object.fromEntries(rows.map((r) => [String(r.key), r]));

describe("getRoi: attribution", () => {
  it("through traces: a traced outcome is split over its trace's models by cost, and follows a trace across features", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [
      event({ traceId: "t1", model: "gpt-4o", costUsd: "0.30" }),
      event({ traceId: "t1", model: "gpt-4o-mini", costUsd: "0.10" }),
      event({ traceId: "t2", model: "gpt-4o-mini", costUsd: "0.10" }),
      event({ traceId: "t3", model: "gpt-4o-mini", costUsd: "0.05", feature: "answer" }),
      event({ traceId: "t3", model: "gpt-4o-mini", costUsd: "0.05", feature: "rerank" }),
    ]);
    await sendOutcomes(org.id, [
      outcome({ traceId: "t1", valueUsd: "2.00" }),
      outcome({ traceId: "t2", valueUsd: "2.00" }),
      outcome({ traceId: "t3", valueUsd: "1.00", kind: "lead", count: 2 }),
    ]);

    const models = byKey((await roi(org.id, { groupBy: "model", feature: "answer" })).rows);
    // t1: 2.00 × (0.30, 0.10) / 0.40; t2: 2.00 to mini; t3: half of 1.00 (and of 2 outcomes) to answer
    expect(models["gpt-4o"]).toMatchObject({ costUsd: "0.300000000", valueUsd: "1.500000000", outcomes: 0.75, roi: 4, costPerOutcome: "0.400000000" });
    expect(models["gpt-4o-mini"]).toMatchObject({
      costUsd: "0.250000000",
      valueUsd: "3.000000000",
      outcomes: 2.25,
      roi: 11,
      costPerOutcome: "0.111111111",
      valuePerOutcome: "1.333333333",
      outcomesByKind: [
        { kind: "won", outcomes: 1.25, valueUsd: "2.500000000" },
        { kind: "lead", outcomes: 1, valueUsd: "0.500000000" },
      ],
    });

    const features = byKey((await roi(org.id, { groupBy: "feature" })).rows);
    expect(features.answer).toMatchObject({ costUsd: "0.550000000", valueUsd: "4.500000000", outcomes: 3, tokens: 4 * 1100, events: 4 });
    expect(features.rerank).toMatchObject({ costUsd: "0.050000000", valueUsd: "0.500000000", outcomes: 1, roi: 9 });
    const totals = (await roi(org.id, {})).totals;
    expect(totals).toMatchObject({ costUsd: "0.600000000", valueUsd: "5.000000000", outcomes: 4, tokens: 5500, valuePerMillionTokens: "909.090909091" });
  });

  it("through team and feature: untraced outcomes are split over that team's and feature's models by calls", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [
      event({ feature: "drafts", model: "big", costUsd: "0.90" }),
      ...[1, 2, 3].map(() => event({ feature: "drafts", model: "small", costUsd: "0.10" })),
      event({ team: "beta", feature: "drafts", model: "big", costUsd: "5" }),
      event({ feature: "other", model: "big", costUsd: "5" }),
    ]);
    await sendOutcomes(org.id, [outcome({ feature: "drafts", valueUsd: "8.00", count: 4 })]);

    const res = await roi(org.id, { groupBy: "feature", breakdown: "model", team: "alpha" });
    const drafts = byKey(res.rows).drafts;
    expect(drafts).toMatchObject({ costUsd: "1.200000000", valueUsd: "8.000000000", outcomes: 4, costPerOutcome: "0.300000000" });
    const models = byKey(drafts.models!);
    expect(models.big).toMatchObject({ valueUsd: "2.000000000", outcomes: 1, costPerOutcome: "0.900000000", roi: 1.222222 });
    expect(models.small).toMatchObject({ valueUsd: "6.000000000", outcomes: 3, costPerOutcome: "0.100000000", roi: 19 });
    expect(byKey(res.rows).other).toMatchObject({ valueKnown: false, roi: null, costPerOutcome: null, costUsd: "5.000000000" });

    const teams = byKey((await roi(org.id, { groupBy: "team", feature: "drafts" })).rows);
    expect(teams.beta).toMatchObject({ costUsd: "5.000000000", valueUsd: "0.000000000", valueKnown: false });
    expect(teams.alpha).toMatchObject({ valueUsd: "8.000000000", roi: 5.666667 });
  });

  it("counts a replayed outcome once, with its first value", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [event({ costUsd: "1" })]);
    const first = outcome({ id: "same", valueUsd: "3" });
    expect(await sendOutcomes(org.id, [first])).toMatchObject({ accepted: 1 });
    expect(await sendOutcomes(org.id, [first, { ...first, valueUsd: "300" }])).toMatchObject({ accepted: 0, duplicates: 2 });
    const row = byKey((await roi(org.id, {})).rows).answer;
    expect(row).toMatchObject({ valueUsd: "3.000000000", outcomes: 1, roi: 2 });
  });

  it("an outcome before its events counts for its team and feature, and moves to the trace's models once they arrive", async () => {
    const { org } = await makeOrg();
    await sendOutcomes(org.id, [outcome({ traceId: "late", feature: "agent", valueUsd: "5", timestamp: "2026-11-02T09:00:00Z" })]);
    const before = await roi(org.id, { groupBy: "feature" });
    expect(byKey(before.rows).agent).toMatchObject({ costUsd: "0.000000000", valueUsd: "5.000000000", outcomes: 1, roi: null, valueKnown: true, costPerOutcome: "0.000000000" });
    expect(byKey((await roi(org.id, { groupBy: "model" })).rows).null).toMatchObject({ key: null, valueUsd: "5.000000000" });

    await sendEvents(org.id, [
      event({ traceId: "late", feature: "agent", model: "claude", costUsd: "1", timestamp: "2026-11-02T09:10:00Z" }),
      event({ feature: "agent", model: "other", costUsd: "1" }),
    ]);
    const models = (await roi(org.id, { groupBy: "model" })).rows;
    expect(models.map((r) => r.key)).toEqual(["claude", "other"]);
    expect(byKey(models).claude).toMatchObject({ valueUsd: "5.000000000", roi: 4, costPerOutcome: "1.000000000" });
    expect(byKey(models).other).toMatchObject({ valueKnown: false, roi: null });
  });

  it("a traced outcome whose trace has events outside the range still follows them", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [event({ traceId: "night", model: "m1", costUsd: "2", timestamp: "2026-11-01T23:59:00Z" })]);
    await sendOutcomes(org.id, [outcome({ traceId: "night", valueUsd: "1", timestamp: "2026-11-02T00:01:00Z" })]);
    const row = byKey((await roi(org.id, { groupBy: "model" })).rows).m1;
    expect(row).toMatchObject({ costUsd: "0.000000000", valueUsd: "1.000000000", roi: null, events: 0 });
  });

  it("zero-cost groups have an undefined ROI and rank after every known ROI; spend without value ranks last as value unknown", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [
      event({ feature: "cached", cacheHit: true }),
      event({ feature: "paid", costUsd: "2" }),
      event({ feature: "silent", costUsd: "9" }),
      event({ feature: "loss", costUsd: "4" }),
      event({ feature: "valued", costUsd: "1", valueUsd: "0.25" }),
    ]);
    await sendOutcomes(org.id, [outcome({ feature: "cached", valueUsd: "1" }), outcome({ feature: "paid", valueUsd: "3" }), outcome({ feature: "loss", valueUsd: "0", count: 2 })]);
    const res = await roi(org.id, { groupBy: "feature" });
    expect(res.rows.map((r) => [r.key, r.roi, r.valueKnown])).toEqual([
      ["paid", 0.5, true],
      ["valued", -0.75, true],
      ["loss", -1, true],
      ["cached", null, true],
      ["silent", null, false],
    ]);
    expect(byKey(res.rows).cached).toMatchObject({ costUsd: "0.000000000", valueUsd: "1.000000000", events: 1 });
    expect(byKey(res.rows).valued).toMatchObject({ outcomes: 0, costPerOutcome: null, valueUsd: "0.250000000" });
  });

  it("filters by outcome and event time, each in [from, to)", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [
      event({ costUsd: "1", timestamp: "2026-11-02T00:00:00Z" }),
      event({ costUsd: "10", timestamp: "2026-11-01T23:59:59.999Z" }),
      event({ costUsd: "100", timestamp: "2026-11-03T00:00:00Z" }),
      event({ costUsd: "0.5", timestamp: "2026-11-02T13:30:00Z" }),
    ]);
    await sendOutcomes(org.id, [
      outcome({ valueUsd: "2", timestamp: "2026-11-02T00:00:00Z" }),
      outcome({ valueUsd: "20", timestamp: "2026-11-03T00:00:00Z" }),
      outcome({ valueUsd: "200", timestamp: "2026-11-01T23:59:59Z" }),
    ]);
    const ragged = { from: "2026-11-01T23:59:59.999Z", to: "2026-11-02T13:30:00Z" };
    expect((await roi(org.id, {})).totals).toMatchObject({ costUsd: "1.500000000", valueUsd: "2.000000000", outcomes: 1 });
    expect((await roi(org.id, ragged)).totals).toMatchObject({ costUsd: "11.000000000", valueUsd: "2.000000000" });
  });

  it("ROI over time: one point per bucket, ROI null where nothing was spent", async () => {
    const { org } = await makeOrg();
    await sendEvents(org.id, [event({ costUsd: "1", timestamp: "2026-11-02T10:00:00Z" }), event({ costUsd: "2", timestamp: "2026-11-04T10:00:00Z" })]);
    await sendOutcomes(org.id, [outcome({ valueUsd: "3", timestamp: "2026-11-02T11:00:00Z" })]);
    const res = await roi(org.id, { from: "2026-11-02T00:00:00Z", to: "2026-11-05T00:00:00Z", interval: "day" });
    expect(res.series).toEqual([
      { t: "2026-11-02T00:00:00Z", costUsd: "1.000000000", valueUsd: "3.000000000", valueKnown: true, outcomes: 1, roi: 2 },
      { t: "2026-11-03T00:00:00Z", costUsd: "0.000000000", valueUsd: "0.000000000", valueKnown: false, outcomes: 0, roi: null },
      { t: "2026-11-04T00:00:00Z", costUsd: "2.000000000", valueUsd: "0.000000000", valueKnown: false, outcomes: 0, roi: null },
    ]);
    expect(res.totals).toMatchObject({ costUsd: "3.000000000", valueUsd: "3.000000000", roi: 0 });
  });
});

describe("getRoi: scope", () => {
  it("a team-limited caller sees its teams only; another team is 403, an unknown one 404 for org-wide callers", async () => {
    const { org, teams } = await makeOrg();
    const alpha = teams.find((t) => t.slug === "alpha")!;
    await sendEvents(org.id, [event({ costUsd: "1" }), event({ team: "beta", costUsd: "2" })]);
    await sendOutcomes(org.id, [outcome({ valueUsd: "5" }), outcome({ team: "beta", valueUsd: "7" })]);
    const mine = await roi(org.id, { groupBy: "team" }, [alpha.id]);
    expect(mine.rows.map((r) => r.key)).toEqual(["alpha"]);
    expect(mine.totals).toMatchObject({ costUsd: "1.000000000", valueUsd: "5.000000000" });
    await expect(roi(org.id, { team: "beta" }, [alpha.id])).rejects.toMatchObject({ code: "forbidden" });
    await expect(roi(org.id, { team: "nope" }, [alpha.id])).rejects.toMatchObject({ code: "forbidden" });
    await expect(roi(org.id, { team: "nope" })).rejects.toBeInstanceOf(AppError);
    await expect(roi(org.id, { team: "nope" })).rejects.toMatchObject({ code: "not_found" });
    expect((await roi(org.id, { team: "beta", groupBy: "team" })).rows.map((r) => [r.key, r.valueUsd])).toEqual([["beta", "7.000000000"]]);
  });

  it("a traced outcome of another team shows to the team whose calls made the trace", async () => {
    const { org, teams } = await makeOrg();
    const beta = teams.find((t) => t.slug === "beta")!;
    await sendEvents(org.id, [event({ team: "beta", traceId: "shared", costUsd: "1" })]);
    await sendOutcomes(org.id, [outcome({ team: "alpha", traceId: "shared", valueUsd: "4" })]);
    expect((await roi(org.id, {}, [beta.id])).totals).toMatchObject({ valueUsd: "4.000000000", roi: 3 });
  });

  it("an outcome sent with a team-bound key takes only its own team's calls of a trace, never another team's", async () => {
    const { org, teams } = await makeOrg();
    const [alpha, beta] = ["alpha", "beta"].map((slug) => teams.find((t) => t.slug === slug)!);
    await sendEvents(org.id, [
      event({ team: "beta", traceId: "theirs", costUsd: "1" }),
      event({ team: "beta", traceId: "mixed", costUsd: "1" }),
      event({ team: "alpha", traceId: "mixed", model: "gpt-4o-mini", costUsd: "1" }),
    ]);
    const alphaKey = { orgId: org.id, keyId: "alpha-key", scopes: ["ingest" as const], teamId: alpha.id };
    const res = await ingestOutcomes({
      principal: alphaKey,
      body: Buffer.from(JSON.stringify({ outcomes: [outcome({ traceId: "theirs", valueUsd: "4" }), outcome({ traceId: "mixed", valueUsd: "6" })] })),
      now: NOW,
    });
    expect(res).toMatchObject({ accepted: 2, rejected: [] });
    // beta's calls earn nothing from alpha's outcomes: "theirs" stays on alpha (rule 2), "mixed" goes to alpha's call only
    expect((await roi(org.id, {}, [beta.id])).totals).toMatchObject({ costUsd: "2.000000000", valueUsd: "0.000000000" });
    const models = byKey((await roi(org.id, { groupBy: "model" }, [alpha.id])).rows);
    expect(models["gpt-4o-mini"]).toMatchObject({ valueUsd: "10.000000000", outcomes: 2 });
  });
});

describe("getRoi: on generated demo usage", () => {
  it("costs, tokens and calls agree with raw events and every outcome's value is counted once, over a ragged range", async () => {
    const { orgId } = await seedOrg({ slug: randomSlug("roi"), events: 4_000, days: 10, end: new Date("2026-11-05T10:20:00Z") });
    const range = { from: "2026-10-28T13:47:12.345Z", to: "2026-11-05T09:59:59.999Z" };
    const raw = await pool().query<{ feature: string; cost: string; tokens: string; calls: string; value: string }>(
      `SELECT feature, sum(cost_usd)::text AS cost, sum(input_tokens + output_tokens)::text AS tokens, count(*)::text AS calls,
              coalesce(sum(value_usd), 0)::text AS value
         FROM usage_events WHERE org_id = $1 AND ts >= $2 AND ts < $3 GROUP BY 1`,
      [orgId, range.from, range.to],
    );
    const outcomes = await pool().query<{ value: string; n: string }>(
      "SELECT coalesce(sum(value_usd), 0)::text AS value, coalesce(sum(count), 0)::text AS n FROM outcomes WHERE org_id = $1 AND ts >= $2 AND ts < $3",
      [orgId, range.from, range.to],
    );
    const res = await roi(orgId, { ...range, groupBy: "feature", interval: "day" });
    const rows = byKey(res.rows);
    for (const r of raw.rows) {
      expect(rows[r.feature], r.feature).toMatchObject({ costUsd: r.cost, tokens: Number(r.tokens), events: Number(r.calls) });
    }
    expect(res.totals.outcomes).toBe(Number(outcomes.rows[0].n));
    const eventValue = raw.rows.reduce((a, r) => a + parseUsd(r.value), 0n);
    expect(res.totals.valueUsd).toBe(formatUsd(parseUsd(outcomes.rows[0].value) + eventValue));
    expect(res.rows.some((r) => r.valueKnown && r.roi !== null)).toBe(true);
    expect(res.rows.some((r) => !r.valueKnown)).toBe(true);
    // the series adds up to the totals: money and outcomes are additive over buckets
    const series = res.series!;
    expect(formatUsd(series.reduce((a, p) => a + parseUsd(p.costUsd), 0n))).toBe(res.totals.costUsd);
    expect(formatUsd(series.reduce((a, p) => a + parseUsd(p.valueUsd), 0n))).toBe(res.totals.valueUsd);
  });
});

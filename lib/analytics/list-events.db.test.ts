import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { ListEventsQuery, ListEventsResponse } from "@/lib/schemas/events-log";
import { listEvents } from "./list-events";
import { seedEventLog } from "./list-events.db-helpers";

const RANGE = { from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z" };

/** Every page from the first, following nextCursor. */
async function allPages(orgId: string, params: Record<string, string>, teamIds: string[] | null = null) {
  const pages: ListEventsResponse[] = [];
  let cursor: string | null = "";
  while (cursor !== null) {
    const query = ListEventsQuery.parse({ ...RANGE, ...params, cursor });
    const page = await listEvents({ orgId, teamIds, query });
    expect(ListEventsResponse.parse(page)).toEqual(page);
    pages.push(page);
    cursor = page.nextCursor;
  }
  return pages;
}

describe("listEvents", () => {
  it("pages through every event once, newest first, ties broken by id", async () => {
    const { orgId } = await seedEventLog(250);
    const pages = await allPages(orgId, { limit: "40" });
    expect(pages.map((p) => p.events.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    const ids = pages.flatMap((p) => p.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(250);
    const sorted = [...pages.flatMap((p) => p.events)].sort((a, b) => (a.timestamp === b.timestamp ? (a.id < b.id ? 1 : -1) : a.timestamp < b.timestamp ? 1 : -1));
    expect(ids).toEqual(sorted.map((e) => e.id));
  });

  it("is stable: events arriving meanwhile never shift a later page", async () => {
    const { orgId, alphaId } = await seedEventLog(30);
    const first = await listEvents({ orgId, teamIds: null, query: ListEventsQuery.parse({ ...RANGE, limit: "10" }) });
    await pool().query(`INSERT INTO usage_events (org_id, event_id, ts, team_id, model, cost_source) VALUES ($1, 'late', '2026-11-01T23:00:00Z', $2, 'gpt-4o', 'catalog')`, [orgId, alphaId]);
    const second = await listEvents({ orgId, teamIds: null, query: ListEventsQuery.parse({ ...RANGE, limit: "10", cursor: first.nextCursor! }) });
    expect(second.events[0].id).toBe("evt-00019");
  });

  it("returns the price breakdown with exact money", async () => {
    const { orgId } = await seedEventLog(3);
    const { events } = await listEvents({ orgId, teamIds: null, query: ListEventsQuery.parse(RANGE) });
    expect(events.find((e) => e.id === "evt-00001")).toMatchObject({
      team: "beta",
      model: "claude",
      pricedModel: null,
      tokens: { input: 101, output: 10, cachedInput: 5, cacheWrite: 0, reasoning: 0 },
      costUsd: "0.000000002",
      costSource: "unpriced",
      unpriced: true,
    });
  });

  it("filters by team, model, feature, provider, customer, trace and range", async () => {
    const { orgId } = await seedEventLog(60);
    const count = async (params: Record<string, string>) => (await allPages(orgId, { ...params, limit: "200" })).flatMap((p) => p.events).length;
    expect(await count({ team: "alpha" })).toBe(30);
    expect(await count({ model: "claude" })).toBe(30);
    expect(await count({ feature: "answer", provider: "openai" })).toBe(30);
    expect(await count({ provider: "anthropic", team: "alpha" })).toBe(0);
    expect(await count({ customer: 'cus,"acme"' })).toBe(9);
    expect(await count({ traceId: "trace-0" })).toBe(12);
    expect(await count({ to: "2026-11-01T00:00:02Z" })).toBe(3);
  });

  it("keeps a team member to their teams: others' events unseen, another team's filter 403", async () => {
    const { orgId, alphaId } = await seedEventLog(20);
    const events = (await allPages(orgId, {}, [alphaId])).flatMap((p) => p.events);
    expect(events).toHaveLength(10);
    expect(new Set(events.map((e) => e.team))).toEqual(new Set(["alpha"]));
    const refused = listEvents({ orgId, teamIds: [alphaId], query: ListEventsQuery.parse({ ...RANGE, team: "beta" }) });
    await expect(refused).rejects.toMatchObject({ code: "forbidden" });
    await expect(listEvents({ orgId, teamIds: null, query: ListEventsQuery.parse({ ...RANGE, team: "nope" }) })).rejects.toBeInstanceOf(AppError);
  });
});

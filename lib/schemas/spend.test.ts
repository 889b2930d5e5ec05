import { describe, expect, it } from "vitest";
import { validationError } from "@/lib/http/zod-error";
import { GetSpendQuery, GetSpendResponse } from "./spend";

const DAY = 86_400_000;

/** The 422 message the route would answer with. */
function refusal(query: Record<string, string>): string {
  const result = GetSpendQuery.safeParse(query);
  if (result.success) throw new Error(`accepted ${JSON.stringify(query)}`);
  return validationError(result.error, "query").message;
}

describe("GetSpendQuery", () => {
  it("defaults to the last 30 days by team per day", () => {
    const before = Date.now();
    const q = GetSpendQuery.parse({});
    expect(q.groupBy).toBe("team");
    expect(q.interval).toBe("day");
    expect(q.to.getTime()).toBeGreaterThanOrEqual(before);
    expect(q.to.getTime() - q.from.getTime()).toBe(30 * DAY);
  });

  it("coerces ISO-8601 instants with any offset and keeps filters", () => {
    const q = GetSpendQuery.parse({
      from: "2026-11-01T00:00:00+01:00",
      to: "2026-11-08T00:00:00Z",
      groupBy: "customer",
      interval: "week",
      team: "Search",
      model: "gpt-4o",
      provider: "OpenAI",
      customer: "cus_acme",
    });
    expect(q.from.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(q).toMatchObject({ groupBy: "customer", interval: "week", team: "search", model: "gpt-4o", provider: "openai", customer: "cus_acme" });
  });

  it("defaults `from` to 30 days before an explicit `to`, and reads empty parameters as absent", () => {
    const q = GetSpendQuery.parse({ to: "2026-11-30T00:00:00Z", team: "", groupBy: "" });
    expect(q.from.toISOString()).toBe("2026-10-31T00:00:00.000Z");
    expect(q.team).toBeUndefined();
    expect(q.groupBy).toBe("team");
  });

  it.each([
    [{ groupBy: "user" }, /^groupBy: must be one of team, model/],
    [{ interval: "minute" }, /^interval: must be one of hour, day, week, month/],
    [{ from: "2026-11-01" }, /^from: must be an ISO-8601 date-time/],
    [{ to: "yesterday" }, /^to: must be an ISO-8601 date-time/],
    [{ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }, /^from: must be before to/],
    [{ from: "2023-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, /^to: the range may span at most 731 days/],
    [{ from: "2026-09-01T00:00:00Z", to: "2026-11-01T00:00:00Z", interval: "hour" }, /^interval: the range yields up to 1465 points at interval hour; at most 1000/],
    [{ team: "no spaces" }, /^team: must be 1-64 characters/],
    [{ group_by: "team" }, /group_by/],
  ])("refuses %j naming the field", (query, message) => {
    expect(refusal(query as Record<string, string>)).toMatch(message);
  });

  it("allows 30 days per hour and two years per day", () => {
    expect(GetSpendQuery.safeParse({ from: "2026-10-01T00:00:00Z", to: "2026-10-31T00:00:00Z", interval: "hour" }).success).toBe(true);
    expect(GetSpendQuery.safeParse({ from: "2024-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z", interval: "day" }).success).toBe(true);
  });

  it("allows customer spend over a year (read from the customer rollup)", () => {
    const q = { from: "2025-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z", interval: "month" };
    expect(GetSpendQuery.safeParse({ ...q, groupBy: "customer" }).success).toBe(true);
    expect(GetSpendQuery.safeParse({ ...q, customer: "cus_acme" }).success).toBe(true);
  });
});

describe("GetSpendResponse", () => {
  const response = {
    from: "2026-11-01T00:00:00Z",
    to: "2026-11-02T00:00:00Z",
    groupBy: "team",
    interval: "day",
    timeZone: "UTC",
    series: [{ key: "search", points: [{ t: "2026-11-01T00:00:00Z", costUsd: "12.300000000", inputTokens: 10, outputTokens: 2, events: 1 }] }],
    totals: { costUsd: "12.300000000", inputTokens: 10, outputTokens: 2, events: 1 },
  };

  it("accepts the documented shape", () => {
    expect(GetSpendResponse.parse(response)).toEqual(response);
  });

  it("is strict and keeps money as 9-place strings", () => {
    expect(GetSpendResponse.safeParse({ ...response, extra: 1 }).success).toBe(false);
    expect(GetSpendResponse.safeParse({ ...response, totals: { ...response.totals, costUsd: 12.3 } }).success).toBe(false);
    expect(GetSpendResponse.safeParse({ ...response, totals: { ...response.totals, costUsd: "12.3" } }).success).toBe(false);
  });
});

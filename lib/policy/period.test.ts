import { describe, expect, it } from "vitest";
import type { BudgetPeriod } from "@/lib/schemas/budgets";
import { periodBounds } from "./period";

describe("periodBounds", () => {
  it.each<[BudgetPeriod, string, string, string, string]>([
    ["day", "UTC", "2026-11-28T13:00:00Z", "2026-11-28T00:00:00.000Z", "2026-11-29T00:00:00.000Z"],
    ["day", "America/Los_Angeles", "2026-11-28T05:00:00Z", "2026-11-27T08:00:00.000Z", "2026-11-28T08:00:00.000Z"],
    ["week", "UTC", "2026-11-28T13:00:00Z", "2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z"], // Saturday → Monday
    ["week", "Asia/Tokyo", "2026-11-29T16:00:00Z", "2026-11-29T15:00:00.000Z", "2026-12-06T15:00:00.000Z"], // already Monday in Tokyo
    ["month", "Europe/Berlin", "2026-10-31T23:30:00Z", "2026-10-31T23:00:00.000Z", "2026-11-30T23:00:00.000Z"], // Nov 1 in Berlin
    ["month", "America/New_York", "2026-03-10T12:00:00Z", "2026-03-01T05:00:00.000Z", "2026-04-01T04:00:00.000Z"], // DST inside
    ["quarter", "UTC", "2026-11-28T13:00:00Z", "2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["quarter", "Asia/Kolkata", "2026-03-31T19:00:00Z", "2026-03-31T18:30:00.000Z", "2026-06-30T18:30:00.000Z"], // April 1 in India
  ])("%s in %s at %s", (period, tz, at, start, end) => {
    const bounds = periodBounds(period, new Date(at), tz);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });
});

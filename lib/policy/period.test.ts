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
    // Clocks changed at local midnight: every start is PostgreSQL's date_trunc(period, ts, zone), the ledger key.
    // A skipped midnight starts the day when the clocks jump (the instant after the gap)...
    ["day", "America/Santiago", "2026-09-06T12:00:00Z", "2026-09-06T04:00:00.000Z", "2026-09-07T03:00:00.000Z"],
    ["day", "America/Havana", "2026-03-08T12:00:00Z", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"],
    ["week", "Asia/Tehran", "2021-03-24T12:00:00Z", "2021-03-21T20:30:00.000Z", "2021-03-28T19:30:00.000Z"], // Monday 22nd skipped 00:00-01:00
    ["month", "America/Asuncion", "2023-10-15T12:00:00Z", "2023-10-01T04:00:00.000Z", "2023-11-01T03:00:00.000Z"],
    ["quarter", "America/Asuncion", "2023-11-15T12:00:00Z", "2023-10-01T04:00:00.000Z", "2024-01-01T03:00:00.000Z"],
    // ...and a midnight passed twice (clocks back from 01:00 to 00:00) starts it at the second one
    ["day", "America/Havana", "2026-11-01T12:00:00Z", "2026-11-01T05:00:00.000Z", "2026-11-02T05:00:00.000Z"],
  ])("%s in %s at %s", (period, tz, at, start, end) => {
    const bounds = periodBounds(period, new Date(at), tz);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });

  it("does not reuse a day into the hour its end sets the clocks back over (that hour is the next day)", () => {
    expect(periodBounds("day", new Date("2026-11-01T03:30:00Z"), "America/Havana").start.toISOString()).toBe("2026-10-31T04:00:00.000Z");
    // 00:30 of November 1st, before the clocks go back from 01:00 to 00:00: date_trunc keys it at the second midnight
    expect(periodBounds("day", new Date("2026-11-01T04:30:00Z"), "America/Havana").start.toISOString()).toBe("2026-11-01T05:00:00.000Z");
  });
});

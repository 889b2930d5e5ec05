import { describe, expect, it } from "vitest";
import { resolveTimeZone, startOfMonthInZone, startOfNextMonthInZone, zonedTimeToUtc } from "./zoned";

describe("zoned boundaries", () => {
  it.each([
    ["UTC", "2026-11-28T13:00:00Z", "2026-11-01T00:00:00.000Z"],
    ["America/New_York", "2026-11-28T13:00:00Z", "2026-11-01T04:00:00.000Z"], // EDT until Nov 1 02:00
    ["Asia/Kolkata", "2026-11-30T20:00:00Z", "2026-11-30T18:30:00.000Z"], // already December in India
    ["Europe/Berlin", "2026-03-15T12:00:00Z", "2026-02-28T23:00:00.000Z"],
  ])("month start in %s at %s", (tz, now, expected) => {
    expect(startOfMonthInZone(new Date(now), tz).toISOString()).toBe(expected);
  });

  it("rolls over the year", () => {
    expect(startOfNextMonthInZone(new Date("2026-12-10T00:00:00Z"), "UTC").toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("handles the spring-forward day", () => {
    expect(zonedTimeToUtc(2026, 3, 8, "America/New_York", 12).toISOString()).toBe("2026-03-08T16:00:00.000Z");
  });

  it("validates zone names", () => {
    expect(resolveTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(resolveTimeZone("Mars/Olympus")).toBeNull();
  });
});

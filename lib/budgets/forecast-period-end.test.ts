import { describe, expect, it } from "vitest";
import { formatUsd, parseUsd } from "@/lib/money";
import { forecastPeriodEnd } from "./forecast-period-end";

const forecast = (spent: string, start: string, end: string, now: string) => {
  const nanos = forecastPeriodEnd({ spentNanos: parseUsd(spent), periodStart: new Date(start), periodEnd: new Date(end), now: new Date(now) });
  return nanos === null ? null : formatUsd(nanos);
};

describe("forecastPeriodEnd (linear run rate)", () => {
  it.each([
    ["10 days of a 30-day month spent 100 → 300", "100", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-11T00:00:00Z", "300.000000000"],
    ["half a day counts as half", "15", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-01T12:00:00Z", "900.000000000"],
    ["nothing spent → 0", "0", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-20T00:00:00Z", "0.000000000"],
    ["the whole period gone → the spend itself", "123.456789012", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", "123.456789012"],
    ["after the end → the spend itself", "7", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "2026-11-05T00:00:00Z", "7.000000000"],
    ["rounds once, half away from zero", "0.000000001", "2026-11-01T00:00:00Z", "2026-11-04T00:00:00Z", "2026-11-03T00:00:00Z", "0.000000002"],
    ["exact beyond float precision", "9007199254.740993001", "2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", "2026-11-02T00:00:00Z", "18014398509.481986002"],
  ])("%s", (_name, spent, start, end, now, expected) => {
    expect(forecast(spent, start, end, now)).toBe(expected);
  });

  it("weighs a 25-hour day (Berlin, end of summer time) by its length", () => {
    // 2026-10-25 in Europe/Berlin runs from 2026-10-24T22:00Z to 2026-10-25T23:00Z (25 h)
    expect(forecast("10", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", "2026-10-25T08:00:00Z")).toBe("25.000000000");
  });

  it("gives no forecast before an hour of the period has passed", () => {
    expect(forecast("5", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "2026-11-01T00:59:59Z")).toBeNull();
    expect(forecast("5", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "2026-11-01T01:00:00Z")).toBe("120.000000000");
  });
});

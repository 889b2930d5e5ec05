import { describe, expect, it } from "vitest";
import type { GrainPlan } from "./plan-grains";
import { planCustomerGrains } from "./plan-customer-grains";

const at = (iso: string) => new Date(iso);

function stretches(plan: GrainPlan): [string, string, string][] {
  return (Object.entries(plan) as [string, { from: Date; to: Date }[]][])
    .flatMap(([grain, ranges]) => ranges.map((r) => [grain, r.from.toISOString(), r.to.toISOString()] as [string, string, string]))
    .sort((a, b) => a[1].localeCompare(b[1]));
}

describe("planCustomerGrains", () => {
  it("reads whole local days from the customer rollup and the ragged ends raw", () => {
    const plan = planCustomerGrains({ from: at("2026-11-01T10:20:00Z"), to: at("2026-11-04T05:30:00Z"), interval: "day", timeZone: "Europe/Berlin" });
    expect(stretches(plan)).toEqual([
      ["raw", "2026-11-01T10:20:00.000Z", "2026-11-01T23:00:00.000Z"],
      ["daily", "2026-11-01T23:00:00.000Z", "2026-11-03T23:00:00.000Z"],
      ["raw", "2026-11-03T23:00:00.000Z", "2026-11-04T05:30:00.000Z"],
    ]);
  });

  it("crosses a daylight-saving change (local days of 23 and 25 hours)", () => {
    const plan = planCustomerGrains({ from: at("2026-10-24T22:00:00Z"), to: at("2026-10-26T23:00:00Z"), interval: "week", timeZone: "Europe/Berlin" });
    expect(stretches(plan)).toEqual([["daily", "2026-10-24T22:00:00.000Z", "2026-10-26T23:00:00.000Z"]]);
  });

  it("is all rollup for whole UTC days of a UTC organisation", () => {
    const plan = planCustomerGrains({ from: at("2026-09-01T00:00:00Z"), to: at("2026-11-30T00:00:00Z"), interval: "month", timeZone: "UTC" });
    expect(stretches(plan)).toEqual([["daily", "2026-09-01T00:00:00.000Z", "2026-11-30T00:00:00.000Z"]]);
  });

  it("reads raw events for hourly buckets, ranges shorter than a local day, and half-hour zones", () => {
    const range = { from: at("2026-11-01T00:00:00Z"), to: at("2026-11-05T00:00:00Z") };
    expect(stretches(planCustomerGrains({ ...range, interval: "hour", timeZone: "UTC" }))).toEqual([["raw", "2026-11-01T00:00:00.000Z", "2026-11-05T00:00:00.000Z"]]);
    expect(stretches(planCustomerGrains({ ...range, interval: "day", timeZone: "Asia/Kolkata" }))).toEqual([["raw", "2026-11-01T00:00:00.000Z", "2026-11-05T00:00:00.000Z"]]);
    const short = { from: at("2026-11-01T01:00:00Z"), to: at("2026-11-01T20:00:00Z") };
    expect(stretches(planCustomerGrains({ ...short, interval: "day", timeZone: "UTC" }))).toEqual([["raw", "2026-11-01T01:00:00.000Z", "2026-11-01T20:00:00.000Z"]]);
  });

  it("plans nothing for an empty range", () => {
    expect(stretches(planCustomerGrains({ from: at("2026-11-01T00:00:00Z"), to: at("2026-11-01T00:00:00Z"), interval: "day", timeZone: "UTC" }))).toEqual([]);
  });
});

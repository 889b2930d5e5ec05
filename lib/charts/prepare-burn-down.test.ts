import { describe, expect, it } from "vitest";
import type { BudgetBurnDto } from "@/lib/schemas/budget-reads";
import { prepareBurnDown } from "./prepare-burn-down";

/** A 5-day period, read at noon of day 3. */
function burn(overrides: Partial<BudgetBurnDto> = {}): BudgetBurnDto {
  const day = (date: string, spentUsd: string) => ({ date, start: `${date}T00:00:00.000Z`, spentUsd });
  return {
    budgetId: "b1",
    timeZone: "UTC",
    periodStart: "2026-11-01T00:00:00.000Z",
    periodEnd: "2026-11-06T00:00:00.000Z",
    asOf: "2026-11-03T12:00:00.000Z",
    limitUsd: "20.000000000",
    spentUsd: "5.000000000",
    forecastUsd: "10.000000000",
    forecastMethod: "linear_run_rate",
    days: [day("2026-11-01", "1.000000000"), day("2026-11-02", "0.000000000"), day("2026-11-03", "4.000000000"), day("2026-11-04", "0.000000000"), day("2026-11-05", "0.000000000")],
    ...overrides,
  };
}

describe("prepareBurnDown", () => {
  it("accumulates actual spend, zero-filled, and leaves days not begun null", () => {
    const chart = prepareBurnDown(burn());
    expect(chart.points.map((p) => p.actual)).toEqual([1, 1, 5, null, null]);
    expect(chart.points.map((p) => p.label)).toEqual(["Nov 1", "Nov 2", "Nov 3", "Nov 4", "Nov 5"]);
    expect(chart.empty).toBeNull();
  });

  it("draws the limit on every day", () => {
    expect(prepareBurnDown(burn()).points.map((p) => p.limit)).toEqual([20, 20, 20, 20, 20]);
  });

  it("starts the forecast at today's actual and reaches the forecast at period end", () => {
    // from 5 at noon on day 3 to 10 at the end (60 h later): days 4 and 5 end 36 and 60 h away
    expect(prepareBurnDown(burn()).points.map((p) => p.forecast)).toEqual([null, null, 5, 8, 10]);
  });

  it("has no forecast line without a forecast", () => {
    expect(prepareBurnDown(burn({ forecastUsd: null })).points.every((p) => p.forecast === null)).toBe(true);
  });

  it("sums exactly before drawing: nano-dollars are not lost to floats", () => {
    const days = Array.from({ length: 3 }, (_, i) => ({ date: `2026-11-0${i + 1}`, start: `2026-11-0${i + 1}T00:00:00.000Z`, spentUsd: "0.100000001" }));
    const chart = prepareBurnDown(burn({ days, periodEnd: "2026-11-04T00:00:00.000Z", asOf: "2026-11-03T23:00:00.000Z", spentUsd: "0.300000003" }));
    expect(chart.points.map((p) => p.actual)).toEqual([0.100000001, 0.200000002, 0.300000003]);
  });

  it("formats the table fallback in dollars, with a dash where there is no value", () => {
    expect(prepareBurnDown(burn()).rows[3]).toEqual({ date: "2026-11-04", actual: "—", forecast: "$8.00", limit: "$20.00" });
  });

  it("says why the chart is empty when nothing was spent", () => {
    const days = burn().days.map((d) => ({ ...d, spentUsd: "0.000000000" }));
    const chart = prepareBurnDown(burn({ days, spentUsd: "0.000000000", forecastUsd: "0.000000000" }));
    expect(chart.empty).toBe("No spend in this budget's scope since 2026-11-01: nothing to draw yet.");
    expect(chart.points.map((p) => p.actual)).toEqual([0, 0, 0, null, null]);
  });

  it("before the first day has begun, nothing is actual and the forecast is absent", () => {
    const chart = prepareBurnDown(burn({ asOf: "2026-10-31T23:00:00.000Z", forecastUsd: null, spentUsd: "0.000000000" }));
    expect(chart.points.every((p) => p.actual === null && p.forecast === null)).toBe(true);
  });
});

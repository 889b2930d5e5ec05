import { describe, expect, it } from "vitest";
import { forecastMonthEnd } from "./forecast-month-end";

const USD = 1_000_000_000n;
/** 28 days ending on a Saturday: weekdays 0..6 four times, Sunday first. */
const weeks = (perWeekday: (w: number) => bigint) =>
  Array.from({ length: 28 }, (_, i) => ({ weekday: i % 7, costNanos: perWeekday(i % 7) }));

describe("forecastMonthEnd", () => {
  it("adds the weekday average of each remaining day, today by the part still ahead", () => {
    const history = weeks((w) => (w === 0 || w === 6 ? 1n * USD : 10n * USD));
    // today Monday with half left, then Tue..Sun: 5 + 10*4 + 1 + 1
    const forecast = forecastMonthEnd({ spentNanos: 100n * USD, history, remaining: [1, 2, 3, 4, 5, 6, 0], todayLeft: [1, 2] });
    expect(forecast).toBe(147n * USD);
  });

  it("is exact to the nano-dollar and rounds each day once", () => {
    const history = weeks((w) => (w === 3 ? 1n : 2n)); // Wednesdays: 4 nanos over 4 days
    expect(forecastMonthEnd({ spentNanos: 7n, history, remaining: [3], todayLeft: [1, 3] })).toBe(7n); // 1/3 nano rounds to 0
    expect(forecastMonthEnd({ spentNanos: 7n, history, remaining: [3, 4], todayLeft: [3, 3] })).toBe(10n);
  });

  it("uses only the last 28 days and falls back to the overall average for a missing weekday", () => {
    const old = { weekday: 0, costNanos: 1000n * USD };
    const recent = Array.from({ length: 28 }, () => ({ weekday: 1, costNanos: 6n * USD }));
    // Sunday appears only in the dropped 29th day: it gets the overall average of the 28 kept
    expect(forecastMonthEnd({ spentNanos: 0n, history: [old, ...recent], remaining: [1, 0], todayLeft: [1, 1] })).toBe(12n * USD);
  });

  it("gives no forecast without history", () => {
    expect(forecastMonthEnd({ spentNanos: 5n, history: [], remaining: [1, 2], todayLeft: [1, 2] })).toBeNull();
  });
});

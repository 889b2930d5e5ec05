// Forecast of the month's spend at its end (pure, exact).
//
// Method: trailing 28-day average per weekday. Each of the 28 whole local
// days before today falls on one weekday four times; a weekday's average is
// the sum of its four days / 4. The forecast is the spend so far plus, for
// each day still to come, its weekday's average: today counts by the part of
// it still ahead (time measured in milliseconds), later days in full. Sums
// are bigint nano-dollars, rounded once per day (half away from zero).
// Without 28 days of history the weekdays average whatever days there are;
// with no history at all there is no forecast (null), not a forecast of 0.
import { divRound } from "@/lib/money";

export const FORECAST_METHOD =
  "spend so far + each remaining day × the trailing 28-day average for its weekday";

export type ForecastDay = { weekday: number; costNanos: bigint };

export function forecastMonthEnd(input: {
  spentNanos: bigint;
  /** Whole local days before today, at most the last 28 are used. */
  history: readonly ForecastDay[];
  /** Weekday of today and of each later day of the month. */
  remaining: readonly number[];
  /** Share of today still ahead, as [numerator, denominator] milliseconds. */
  todayLeft: readonly [number, number];
}): bigint | null {
  const history = input.history.slice(-28);
  if (history.length === 0) return null;
  const sums = new Map<number, { total: bigint; days: bigint }>();
  for (const day of history) {
    const entry = sums.get(day.weekday) ?? { total: 0n, days: 0n };
    sums.set(day.weekday, { total: entry.total + day.costNanos, days: entry.days + 1n });
  }
  const overall = history.reduce((a, d) => a + d.costNanos, 0n);
  const average = (weekday: number, share: bigint, of: bigint) => {
    const entry = sums.get(weekday) ?? { total: overall, days: BigInt(history.length) };
    return divRound(entry.total * share, entry.days * of);
  };
  const [left, length] = input.todayLeft;
  return input.remaining.reduce(
    (total, weekday, i) => total + (i === 0 ? average(weekday, BigInt(left), BigInt(length)) : average(weekday, 1n, 1n)),
    input.spentNanos,
  );
}

// Forecast of a budget period's spend at its end (pure, exact).
//
// Method: linear run rate. The spend so far is divided by the time elapsed
// in the period and multiplied by the period's length: the average daily
// spend of the elapsed days (today counted by the part already gone) × the
// days in the period. Time is measured in milliseconds, so days of 23 or 25
// hours (daylight saving changes) weigh what they last. Arithmetic is in
// bigint nano-dollars, rounded once (half away from zero).
//
// Until an hour of the period has passed there is no forecast (null): a
// rate taken over minutes would be noise multiplied by hundreds.
import { divRound } from "@/lib/money";

export const MIN_ELAPSED_MS = 3_600_000;

export function forecastPeriodEnd(input: { spentNanos: bigint; periodStart: Date; periodEnd: Date; now: Date }): bigint | null {
  const start = input.periodStart.getTime();
  const end = input.periodEnd.getTime();
  const elapsed = Math.min(input.now.getTime(), end) - start;
  if (elapsed < MIN_ELAPSED_MS) return null;
  return divRound(input.spentNanos * BigInt(end - start), BigInt(elapsed));
}

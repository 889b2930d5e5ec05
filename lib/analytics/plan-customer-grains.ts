// Which stored grain serves each stretch of a customer spend query. The
// customer rollup holds days in the organisation's time zone
// (lib/rollups/compact-rollups.ts), folded from events by UTC hour: exact where
// every local midnight of the range falls on a whole UTC hour (not so in
// half-hour zones such as Asia/Kolkata). There the whole local days inside
// [from, to) come from the rollup and the ragged ends from raw events; day,
// week and month buckets are unions of local days. Hourly buckets, and zones
// with a midnight off the hour, read raw events.
import type { SpendInterval } from "@/lib/schemas/spend";
import { wallClock, zonedTimeToUtc } from "@/lib/time/zoned";
import type { GrainPlan } from "./plan-grains";

const HOUR_MS = 3_600_000;
/** Two years of local days at the most (the longest spend range). */
const MAX_DAYS = 800;

/** Local midnights from the first at or after `from` up to the last at or before `to`, ascending. */
function localMidnights(from: Date, to: Date, timeZone: string): Date[] {
  const midnights: Date[] = [];
  let { year, month, day } = wallClock(from, timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const midnight = zonedTimeToUtc(year, month, day, timeZone);
    if (midnight > to) break;
    if (midnight >= from) midnights.push(midnight);
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    [year, month, day] = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
  }
  return midnights;
}

export function planCustomerGrains(input: { from: Date; to: Date; interval: SpendInterval; timeZone: string }): GrainPlan {
  const { from, to } = input;
  const plan: GrainPlan = { daily: [], hourly: [], raw: [] };
  if (from >= to) return plan;
  const midnights = input.interval === "hour" ? [] : localMidnights(from, to, input.timeZone);
  if (midnights.length < 2 || midnights.some((m) => m.getTime() % HOUR_MS !== 0)) {
    plan.raw.push({ from, to });
    return plan;
  }
  const [first, last] = [midnights[0], midnights[midnights.length - 1]];
  if (from < first) plan.raw.push({ from, to: first });
  plan.daily.push({ from: first, to: last });
  if (last < to) plan.raw.push({ from: last, to });
  return plan;
}

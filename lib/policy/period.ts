// Budget periods aligned to the organisation's time zone, computed the way
// PostgreSQL's date_trunc(period, ts, zone) computes the ledger keys: days
// start at local midnight, weeks on Monday, quarters in Jan/Apr/Jul/Oct.
import type { BudgetPeriod } from "@/lib/schemas/budgets";
import { clockSetBackAt, wallClock, zonedTimeToUtc } from "@/lib/time/zoned";

/** Calendar arithmetic on a local date (handles month and year overflow). */
function addDays(year: number, month: number, day: number, days: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

// Every policy check asks for the same few periods: the last answer per
// (period, zone) is kept and reused while `at` falls inside it. Not up to its
// end when the clocks are set back then, from a midnight to an hour before it
// (America/Havana): that hour reads as the next day, which date_trunc (and so
// this) gives the period starting at the end, after `at`.
const recent = new Map<string, { bounds: { start: Date; end: Date }; until: number }>();

export function periodBounds(period: BudgetPeriod, at: Date, timeZone: string): { start: Date; end: Date } {
  const key = `${period}\u0000${timeZone}`;
  const hit = recent.get(key);
  if (hit && hit.bounds.start.getTime() <= at.getTime() && at.getTime() < hit.until) return hit.bounds;
  const bounds = computeBounds(period, at, timeZone);
  recent.set(key, { bounds, until: bounds.end.getTime() - clockSetBackAt(bounds.end, timeZone) });
  return bounds;
}

function computeBounds(period: BudgetPeriod, at: Date, timeZone: string): { start: Date; end: Date } {
  const { year, month, day, weekday } = wallClock(at, timeZone);
  let start: [number, number, number];
  let next: [number, number, number];
  switch (period) {
    case "day":
      start = [year, month, day];
      next = addDays(year, month, day, 1);
      break;
    case "week":
      start = addDays(year, month, day, -weekday);
      next = addDays(...start, 7);
      break;
    case "month":
      start = [year, month, 1];
      next = month === 12 ? [year + 1, 1, 1] : [year, month + 1, 1];
      break;
    case "quarter": {
      const first = month - ((month - 1) % 3);
      start = [year, first, 1];
      next = first === 10 ? [year + 1, 1, 1] : [year, first + 3, 1];
      break;
    }
  }
  return { start: zonedTimeToUtc(...start, timeZone), end: zonedTimeToUtc(...next, timeZone) };
}

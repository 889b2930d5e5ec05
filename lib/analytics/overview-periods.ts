// The calendar of the Overview in the organisation's time zone (pure):
// this month so far, the previous month to the same point, and the last 90
// local days (today last) with their weekdays, for the chart and the forecast.
import { startOfMonthInZone, zonedTimeToUtc } from "@/lib/time/zoned";

export const OVERVIEW_DAYS = 90;

export type OverviewDay = { date: string; start: Date; weekday: number };

export type OverviewPeriods = {
  monthStart: Date;
  /** Previous month from its start to the same time into it (capped at its end). */
  previous: { from: Date; to: Date };
  days: OverviewDay[];
  /** Weekdays of today and each later day of this month. */
  remainingWeekdays: number[];
  /** Milliseconds of today still ahead, and today's length. */
  todayLeft: [number, number];
};

function localDate(now: Date, timeZone: string): [number, number, number] {
  const text = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const [y, m, d] = text.split("-").map(Number);
  return [y, m, d];
}

export function overviewPeriods(now: Date, timeZone: string): OverviewPeriods {
  const [y, m, d] = localDate(now, timeZone);
  const monthStart = startOfMonthInZone(now, timeZone);
  const previousFrom = startOfMonthInZone(new Date(monthStart.getTime() - 1), timeZone);
  const previousTo = new Date(Math.min(previousFrom.getTime() + (now.getTime() - monthStart.getTime()), monthStart.getTime()));
  const days = Array.from({ length: OVERVIEW_DAYS }, (_, i) => {
    const calendar = new Date(Date.UTC(y, m - 1, d - OVERVIEW_DAYS + 1 + i));
    return {
      date: calendar.toISOString().slice(0, 10),
      start: zonedTimeToUtc(calendar.getUTCFullYear(), calendar.getUTCMonth() + 1, calendar.getUTCDate(), timeZone),
      weekday: calendar.getUTCDay(),
    };
  });
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const remainingWeekdays = Array.from({ length: daysInMonth - d + 1 }, (_, i) => new Date(Date.UTC(y, m - 1, d + i)).getUTCDay());
  const todayStart = days[OVERVIEW_DAYS - 1].start.getTime();
  const tomorrow = zonedTimeToUtc(y, m, d + 1, timeZone).getTime();
  return { monthStart, previous: { from: previousFrom, to: previousTo }, days, remainingWeekdays, todayLeft: [tomorrow - now.getTime(), tomorrow - todayStart] };
}

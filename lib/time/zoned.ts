// Calendar boundaries in an organisation's IANA time zone, as UTC instants.

// Making an Intl.DateTimeFormat costs tens of microseconds: one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `instant` in the zone; weekday 0 = Monday. */
export function wallClock(instant: Date, timeZone: string) {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.find((p) => p.type === "weekday")?.value ?? "");
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second"), weekday };
}

/** Offset of the zone from UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The UTC instant of a wall-clock time in the zone, resolved as PostgreSQL
 * resolves it (its date_trunc(..., zone) and AT TIME ZONE key the budget
 * ledgers): near a clock change the time is read at the offset in force
 * before it and at the one after; a time with one reading is that one, a
 * time the clocks skip (no reading) or pass twice (two) is the later
 * instant. Some zones change their clocks at midnight, so day starts hit both.
 */
export function zonedTimeToUtc(year: number, month: number, day: number, timeZone: string, hour = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour);
  // a day either side is past any clock change near the wall time (offsets are within ±14 h)
  const before = naive - offsetMs(new Date(naive - DAY_MS), timeZone);
  const after = naive - offsetMs(new Date(naive + DAY_MS), timeZone);
  if (before === after) return new Date(before);
  const reads = (instant: number) => naive - offsetMs(new Date(instant), timeZone) === instant;
  const [readsBefore, readsAfter] = [reads(before), reads(after)];
  if (readsBefore !== readsAfter) return new Date(readsBefore ? before : after);
  return new Date(Math.max(before, after));
}

/**
 * How far the clocks are set back at `instant` (0 unless they are, then): the
 * wall times of that span before it are read again from it on.
 */
export function clockSetBackAt(instant: Date, timeZone: string): number {
  return Math.max(0, offsetMs(new Date(instant.getTime() - 1000), timeZone) - offsetMs(instant, timeZone));
}

export function startOfMonthInZone(now: Date, timeZone: string): Date {
  const w = wallClock(now, timeZone);
  return zonedTimeToUtc(w.year, w.month, 1, timeZone);
}

export function startOfNextMonthInZone(now: Date, timeZone: string): Date {
  const w = wallClock(now, timeZone);
  return w.month === 12 ? zonedTimeToUtc(w.year + 1, 1, 1, timeZone) : zonedTimeToUtc(w.year, w.month + 1, 1, timeZone);
}

/** The zone's name as Intl resolves it (case corrected, aliases canonical), or null when it is no time zone Intl knows. */
export function resolveTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

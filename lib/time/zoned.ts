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

/** The UTC instant of a wall-clock time in the zone. */
export function zonedTimeToUtc(year: number, month: number, day: number, timeZone: string, hour = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour);
  let guess = naive - offsetMs(new Date(naive), timeZone);
  guess = naive - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
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

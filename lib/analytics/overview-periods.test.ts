import { describe, expect, it } from "vitest";
import { overviewPeriods } from "./overview-periods";

describe("overviewPeriods", () => {
  it("cuts months and days in the organisation's time zone", () => {
    // 2026-11-28 15:00 UTC is 16:00 in Berlin (CET, UTC+1), a Saturday
    const p = overviewPeriods(new Date("2026-11-28T15:00:00Z"), "Europe/Berlin");
    expect(p.monthStart.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(p.previous.from.toISOString()).toBe("2026-09-30T22:00:00.000Z"); // CEST
    expect(p.previous.to.getTime() - p.previous.from.getTime()).toBe(new Date("2026-11-28T15:00:00Z").getTime() - p.monthStart.getTime());
    expect(p.days).toHaveLength(90);
    expect(p.days.at(-1)).toEqual({ date: "2026-11-28", start: new Date("2026-11-27T23:00:00Z"), weekday: 6 });
    expect(p.remainingWeekdays).toEqual([6, 0, 1]);
    expect(p.todayLeft).toEqual([8 * 3_600_000, 24 * 3_600_000]);
  });

  it("caps the previous period at its month's end (31 March against February)", () => {
    const p = overviewPeriods(new Date("2026-03-31T12:00:00Z"), "UTC");
    expect(p.previous.to.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(p.remainingWeekdays).toHaveLength(1);
  });
});

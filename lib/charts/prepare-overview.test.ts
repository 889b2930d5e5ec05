import { describe, expect, it } from "vitest";
import { prepareOverviewChange } from "./prepare-overview-change";
import { prepareOverviewSpend } from "./prepare-overview-spend";

describe("prepareOverviewSpend", () => {
  const daily = [
    { date: "2026-11-19", costUsd: "0.000000000" },
    { date: "2026-11-20", costUsd: "12.345678901" },
  ];

  it("keeps zero days as zero and marks today as partial", () => {
    const chart = prepareOverviewSpend(daily, "your teams");
    expect(chart.points).toEqual([
      { date: "2026-11-19", label: "Nov 19", spend: 0 },
      { date: "2026-11-20", label: "Nov 20 (so far)", spend: 12.345678901 },
    ]);
    expect(chart.rows).toEqual([
      { date: "2026-11-19", spend: "$0.00" },
      { date: "2026-11-20 (so far)", spend: "$12.35" },
    ]);
    expect(chart.empty).toBeNull();
  });

  it("says why it is empty", () => {
    const chart = prepareOverviewSpend([{ date: "2026-11-20", costUsd: "0.000000000" }], "your teams");
    expect(chart.empty).toBe("No spend recorded in the last 1 days in your teams. Services send usage to POST /api/v1/events.");
  });
});

describe("prepareOverviewChange", () => {
  it.each([
    [25, undefined, { text: "+25.0%", tone: "up" }],
    [-12.34, undefined, { text: "−12.3%", tone: "down" }],
    [0, undefined, { text: "±0%", tone: "flat" }],
    [null, "5.000000000", { text: "new", tone: "up" }],
    [null, "0.000000000", { text: "no change", tone: "flat" }],
  ] as const)("%s %s", (pct, usd, expected) => {
    expect(prepareOverviewChange(pct, usd)).toEqual(expected);
  });
});

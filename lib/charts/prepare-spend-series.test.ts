import { describe, expect, it } from "vitest";
import type { GetSpendResponse, SpendSeries } from "@/lib/schemas/spend";
import { prepareSpendSeries } from "./prepare-spend-series";

const T = ["2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"];

/** One series with the given cost per day (undefined = no point for that day). */
function series(key: string | null, costs: (string | undefined)[], events = 1): SpendSeries {
  const points = costs.flatMap((c, i) => (c === undefined ? [] : [{ t: T[i], costUsd: c, inputTokens: 10, outputTokens: 5, events }]));
  return { key, points };
}

function response(list: SpendSeries[], totalUsd: string): GetSpendResponse {
  return {
    from: T[0],
    to: "2026-11-04T00:00:00Z",
    groupBy: "model",
    interval: "day",
    timeZone: "UTC",
    series: list,
    totals: { costUsd: totalUsd, inputTokens: 0, outputTokens: 0, events: 0 },
  };
}

describe("prepareSpendSeries", () => {
  it("keeps the top N keys and sums the rest into Other, exactly", () => {
    const list = [series("a", ["0.100000000", "0.2", "0"]), series("b", ["0.05", "0", "0"]), series("c", ["0.000000001", "0.000000002", "0"]), series("d", ["0.1", "0", "0"])];
    const chart = prepareSpendSeries({ current: response(list, "0.550000003"), previous: null, top: 2 });
    expect(chart.series.map((s) => s.name)).toEqual(["a", "d", "Other (2)"]);
    expect(chart.points.map((p) => p.other)).toEqual([0.050000001, 0.000000002, 0]);
    expect(chart.rows.map((r) => r.name)).toEqual(["a", "d", "b", "c"]);
    expect(chart.rows[0].costUsd).toBe("0.300000000");
  });

  it("zero-fills buckets a series has no point for", () => {
    const chart = prepareSpendSeries({ current: response([series("a", ["1", undefined, "2"]), series("b", [undefined, "1", undefined])], "4"), previous: null });
    expect(chart.points.map((p) => [p.s0, p.s1])).toEqual([
      [1, 0],
      [0, 1],
      [2, 0],
    ]);
    expect(chart.points.map((p) => p.label)).toEqual(["Nov 1", "Nov 2", "Nov 3"]);
  });

  it("computes share, change and cost per 1K requests exactly, null when undefined", () => {
    const current = response([series("a", ["1", "1", "1"], 3), series("b", ["1", undefined, undefined], 0)], "4.000000000");
    const previous = response([series("a", ["0.5", "0.5", "0.5"])], "1.5");
    const [a, b] = prepareSpendSeries({ current, previous }).rows;
    expect(a).toMatchObject({ share: 75, change: 100, tokens: 45, requests: 9, costPer1kRequestsUsd: "333.333333333" });
    expect(b).toMatchObject({ share: 25, change: null, requests: 0, costPer1kRequestsUsd: null });
  });

  it("rounds the share to two decimals without float drift", () => {
    const chart = prepareSpendSeries({ current: response([series("a", ["1"]), series("b", ["2"])], "3"), previous: null });
    expect(chart.rows.map((r) => r.share)).toEqual([66.67, 33.33]);
  });

  it("says why it is empty and names a null key", () => {
    expect(prepareSpendSeries({ current: response([], "0"), previous: null }).empty).toMatch(/No events match/);
    expect(prepareSpendSeries({ current: response([series(null, ["1"])], "1"), previous: null }).rows[0].name).toBe("(none)");
  });
});

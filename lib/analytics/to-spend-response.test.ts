import { describe, expect, it } from "vitest";
import { GetSpendResponse } from "@/lib/schemas/spend";
import { toSpendResponse } from "./to-spend-response";

const at = (iso: string) => new Date(iso);
const starts = [at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z"), at("2026-11-03T00:00:00Z")];
const base = { bucketStarts: starts, from: at("2026-11-01T00:00:00Z"), to: at("2026-11-04T00:00:00Z"), groupBy: "customer" as const, interval: "day" as const, timeZone: "UTC" };
const point = (t: string, cost: string): [number, string, number, number, number] => [Date.parse(t), cost, 100, 10, 1];

describe("toSpendResponse", () => {
  it("zero-fills every series over every bucket and adds totals exactly", () => {
    const res = toSpendResponse({
      ...base,
      rows: [
        { key: "cus_b", points: [point("2026-11-02T00:00:00Z", "0.000000001")] },
        { key: "cus_a", points: [point("2026-11-03T00:00:00Z", "0.200000000"), point("2026-11-01T00:00:00Z", "0.100000000")] },
      ],
    });
    expect(GetSpendResponse.parse(res)).toEqual(res);
    expect(res.series.map((s) => s.key)).toEqual(["cus_a", "cus_b"]);
    expect(res.series[0].points).toEqual([
      { t: "2026-11-01T00:00:00Z", costUsd: "0.100000000", inputTokens: 100, outputTokens: 10, events: 1 },
      { t: "2026-11-02T00:00:00Z", costUsd: "0.000000000", inputTokens: 0, outputTokens: 0, events: 0 },
      { t: "2026-11-03T00:00:00Z", costUsd: "0.200000000", inputTokens: 100, outputTokens: 10, events: 1 },
    ]);
    expect(res.totals).toEqual({ costUsd: "0.300000001", inputTokens: 300, outputTokens: 30, events: 3 });
  });

  it("orders series by spend, then by key, events without a customer last", () => {
    const res = toSpendResponse({
      ...base,
      rows: [null, "cus_b", "cus_a"].map((key) => ({ key, points: [point("2026-11-01T00:00:00Z", "1.000000000")] })).concat({ key: "cus_c", points: [point("2026-11-01T00:00:00Z", "2.000000000")] }),
    });
    expect(res.series.map((s) => s.key)).toEqual(["cus_c", "cus_a", "cus_b", null]);
  });

  it("answers an empty range with no series and zero totals", () => {
    const res = toSpendResponse({ ...base, rows: [] });
    expect(res.series).toEqual([]);
    expect(res.totals).toEqual({ costUsd: "0.000000000", inputTokens: 0, outputTokens: 0, events: 0 });
  });
});

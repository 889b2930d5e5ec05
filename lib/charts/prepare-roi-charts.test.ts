import { describe, expect, it } from "vitest";
import type { RoiModelRow, RoiPoint, RoiRow } from "@/lib/schemas/roi";
import { formatRoi } from "./prepare-roi-labels";
import { prepareRoiModels } from "./prepare-roi-models";
import { prepareRoiOverTime } from "./prepare-roi-over-time";
import { prepareRoiRanking } from "./prepare-roi-ranking";
import { prepareRoiScatter } from "./prepare-roi-scatter";

function row(key: string | null, o: Partial<RoiRow> = {}): RoiRow {
  return {
    key,
    costUsd: "1.000000000",
    tokens: 1000,
    events: 10,
    unpricedEvents: 0,
    valueUsd: "2.000000000",
    valueKnown: true,
    outcomes: 4,
    roi: 1,
    valuePerMillionTokens: "2000.000000000",
    costPerOutcome: "0.250000000",
    valuePerOutcome: "0.500000000",
    outcomesByKind: [{ kind: "won", outcomes: 4, valueUsd: "2.000000000" }],
    ...o,
  };
}

const unknown = (key: string) => row(key, { valueKnown: false, valueUsd: "0.000000000", outcomes: 0, roi: null, costPerOutcome: null, valuePerOutcome: null, valuePerMillionTokens: null, outcomesByKind: [] });

describe("formatRoi", () => {
  it("signs percentages and names the two kinds of missing ROI", () => {
    expect(formatRoi({ valueKnown: true, roi: 1.5 })).toBe("+150%");
    expect(formatRoi({ valueKnown: true, roi: -0.4 })).toBe("−40%");
    expect(formatRoi({ valueKnown: true, roi: 0.012 })).toBe("+1.2%");
    expect(formatRoi({ valueKnown: true, roi: 0 })).toBe("0%");
    expect(formatRoi({ valueKnown: true, roi: null })).toBe("undefined (no cost)");
    expect(formatRoi({ valueKnown: false, roi: null })).toBe("value unknown");
  });
});

describe("prepareRoiRanking", () => {
  it("ranks known ROIs only; value unknown is never ranked or shown as −100%", () => {
    const rows = [row("a", { roi: 3 }), row("b", { roi: 0.5 }), row("c", { roi: -0.5 }), row("free", { costUsd: "0.000000000", roi: null }), unknown("silent")];
    const ranking = prepareRoiRanking({ rows, groupBy: "feature" });
    expect(ranking.rows.map((r) => [r.label, r.rank, r.roi, r.tone])).toEqual([
      ["a", 1, "+300%", "good"],
      ["b", 2, "+50%", "good"],
      ["c", 3, "−50%", "bad"],
      ["free", null, "undefined (no cost)", "muted"],
      ["silent", null, "value unknown", "muted"],
    ]);
    expect(ranking.rows[4]).toMatchObject({ value: "—", costPerOutcome: "—", outcomes: "0" });
    expect(ranking.best.map((r) => r.label)).toEqual(["a", "b"]);
    expect(ranking.worst.map((r) => r.label)).toEqual(["c"]);
    expect(ranking.empty).toBeNull();
  });

  it("labels the model of outcomes without calls, and explains an empty table", () => {
    expect(prepareRoiRanking({ rows: [row(null)], groupBy: "model" }).rows[0].label).toBe("no calls in range");
    expect(prepareRoiRanking({ rows: [], groupBy: "team" }).empty).toMatch(/nothing to rank/);
  });
});

describe("prepareRoiScatter", () => {
  it("plots features with cost and valued outcomes on shared log axes, leaving the rest out with a reason", () => {
    const scatter = prepareRoiScatter([
      row("good", { costPerOutcome: "0.020000000", valuePerOutcome: "0.300000000" }),
      row("bad", { costPerOutcome: "5.000000000", valuePerOutcome: "4.000000000", roi: -0.2 }),
      unknown("silent"),
      row("free", { costPerOutcome: "0.000000000", roi: null }),
      row("events-only", { outcomes: 0, costPerOutcome: null, valuePerOutcome: null }),
      row("worthless", { valuePerOutcome: "0.000000000", roi: -1 }),
    ]);
    expect(scatter.points.map((p) => [p.feature, p.x, p.y, p.color])).toEqual([
      ["good", 0.02, 0.3, "#1e7a55"],
      ["bad", 5, 4, "#b42318"],
    ]);
    expect(scatter.domain).toEqual([0.01, 10]);
    expect(scatter.ticks).toEqual([0.01, 0.1, 1, 10]);
    expect(scatter.leftOut).toEqual([
      { feature: "silent", reason: "value unknown: no outcomes" },
      { feature: "free", reason: "no cost: ROI undefined" },
      { feature: "events-only", reason: "no outcomes (value from events only)" },
      { feature: "worthless", reason: "outcomes worth $0" },
    ]);
  });

  it("says why it is empty", () => {
    expect(prepareRoiScatter([unknown("x")]).empty).toMatch(/nothing to plot/);
  });
});

describe("prepareRoiOverTime", () => {
  const point = (t: string, o: Partial<RoiPoint>): RoiPoint => ({ t, costUsd: "1.000000000", valueUsd: "2.000000000", valueKnown: true, outcomes: 1, roi: 1, ...o });

  it("renders ROI gaps as null, never 0, and zero-fills money", () => {
    const chart = prepareRoiOverTime(
      [point("2026-11-02T00:00:00Z", { roi: 1.23456 }), point("2026-11-03T00:00:00Z", { costUsd: "0.000000000", valueUsd: "0.000000000", valueKnown: false, roi: null, outcomes: 0 })],
      "day",
      "UTC",
    );
    expect(chart.points).toEqual([
      { t: "2026-11-02T00:00:00Z", label: "Nov 2", roiPct: 123.46, cost: 1, value: 2 },
      { t: "2026-11-03T00:00:00Z", label: "Nov 3", roiPct: null, cost: 0, value: 0 },
    ]);
    expect(chart.rows[1]).toMatchObject({ roi: "value unknown", value: "—" });
    expect(chart.empty).toBeNull();
  });

  it("labels buckets in the organisation's zone and explains an all-gap series", () => {
    const chart = prepareRoiOverTime([point("2026-10-31T23:00:00Z", { roi: null, valueKnown: false })], "month", "Europe/Berlin");
    expect(chart.points[0].label).toBe("Nov 2026");
    expect(chart.empty).toMatch(/ROI is undefined throughout/);
  });
});

describe("prepareRoiModels", () => {
  const model = (key: string | null, o: Partial<RoiModelRow> = {}): RoiModelRow => ({ ...row(key), ...o });

  it("compares the models of each feature with outcomes by cost per outcome, cheapest first", () => {
    const rows = [
      row("drafts", {
        models: [
          model("gpt-4.1", { costPerOutcome: "0.900000000" }),
          model("gpt-4o-mini", { costPerOutcome: "0.100000000" }),
          model("rare", { costPerOutcome: null, outcomes: 0 }),
        ],
      }),
      row("solo", { models: [model("only")] }),
      { ...unknown("silent"), models: [model("x")] },
    ];
    const { features, empty } = prepareRoiModels(rows);
    expect(empty).toBeNull();
    expect(features.map((f) => f.feature)).toEqual(["drafts", "solo"]);
    expect(features.map((f) => f.cost)).toEqual([1, 1]);
    const drafts = features[0];
    expect(drafts.models.map((m) => [m.model, m.costPerOutcome, m.costPerOutcomeLabel])).toEqual([
      ["gpt-4o-mini", 0.1, "$0.10"],
      ["gpt-4.1", 0.9, "$0.90"],
      ["rare", null, "—"],
    ]);
    expect(drafts.spread).toBe("gpt-4.1 costs 9.0× as much per outcome as gpt-4o-mini");
    expect(features[1]).toMatchObject({ spread: null, dearest: null });
    expect(prepareRoiModels([row("close", { models: [model("x", { costPerOutcome: "1.000000000" }), model("y", { costPerOutcome: "1.030000000" })] })]).features[0].spread).toBe(
      "x and y cost about the same per outcome",
    );
    // one colour per model across features
    expect(new Set(drafts.models.map((m) => m.color)).size).toBe(3);
  });
});

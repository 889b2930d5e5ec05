import { describe, expect, it } from "vitest";
import { detectAnomalies } from "./detect-anomalies";
import { CLEAN_FEATURES, type FeatureTraffic, makeCells, windowOf } from "./synthetic-usage.test-helpers";

const DAYS = 60;
/** Weekends at 40 % and 1 % growth a day: the rhythm of real traffic, not an anomaly. */
const rhythm = (f: FeatureTraffic): FeatureTraffic => ({
  ...f,
  day: (i, t) => ({ callsPerDay: t.callsPerDay * (i % 7 >= 5 ? 0.4 : 1) * 1.01 ** i }),
});
const clean = CLEAN_FEATURES.map(rhythm);
const planted = (feature: string, atDay: number, change: (t: Omit<FeatureTraffic, "day">) => Partial<FeatureTraffic>) =>
  clean.map((f) => (f.feature !== feature ? f : { ...f, day: (i: number, t: Omit<FeatureTraffic, "day">) => ({ ...f.day!(i, t), ...(i === atDay ? change({ ...t, ...f.day!(i, t) }) : {}) }) }));

describe("detectAnomalies", () => {
  const window = windowOf(30);

  it("flags nothing on weekday rhythm and growth", () => {
    expect(detectAnomalies({ cells: makeCells(clean, DAYS), window })).toEqual([]);
  });

  it("finds a volume spike and names volume as the driver", () => {
    const cells = makeCells(planted("answer", 50, (t) => ({ callsPerDay: t.callsPerDay * 3 })), DAYS);
    const found = detectAnomalies({ cells, window });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "anomaly", team: "search", feature: "answer", evidence: { driver: "volume" } });
    expect(found[0].evidence.day).toBe(new Date(cells[0].day + 50 * 86_400_000).toISOString().slice(0, 10));
  });

  it("names the model of a model switch and longer prompts as prompt growth", () => {
    const switched = makeCells(planted("ticket-triage", 55, () => ({ model: "claude-opus-4-1" })), DAYS);
    const [a] = detectAnomalies({ cells: switched, window });
    expect(a).toMatchObject({ feature: "ticket-triage", model: "claude-opus-4-1", evidence: { driver: "model_switch" } });

    const bloated = makeCells(planted("code-review", 45, (t) => ({ inputPerCall: t.inputPerCall * 4 })), DAYS);
    const [b] = detectAnomalies({ cells: bloated, window });
    expect(b).toMatchObject({ feature: "code-review", evidence: { driver: "prompt_growth" } });
  });

  it("ignores spikes before the window", () => {
    const cells = makeCells(planted("answer", 20, (t) => ({ callsPerDay: t.callsPerDay * 3 })), DAYS);
    expect(detectAnomalies({ cells, window })).toEqual([]);
  });
});

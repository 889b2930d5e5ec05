// Anomalies: a day's spend of a (team, feature) against its own trailing
// baseline (the 28 days before it): robust z-score on the median and MAD, so
// a weekday rhythm or slow growth is normal and one spike stands out. Each
// finding names what explains the jump: more calls (volume), longer prompts
// (prompt growth) or dearer tokens (a model switch, naming the model).
import { formatUsd } from "@/lib/money";
import { median, robustScale, robustZ } from "./robust-stats";
import { DAY_MS, type DayCell, type Insight, usd, type Window } from "./types";

export const ANOMALY = {
  baselineDays: 28,
  minBaselineDays: 14,
  minZ: 6,
  /** The sigma floor as a share of the baseline median, and in dollars. */
  sigmaFloorShare: 0.15,
  sigmaFloor: 500_000_000,
  /** The excess over the median must be at least this share of it, and this many dollars. */
  minExcessShare: 0.5,
  minExcess: 1_000_000_000n,
};

type Day = { cost: bigint; events: number; input: number; byModel: Map<string, bigint> };
type Series = { team: string; feature: string; days: Map<number, Day>; first: number };

function buildSeries(cells: readonly DayCell[]): Series[] {
  const series = new Map<string, Series>();
  for (const c of cells) {
    const key = `${c.team}\u0000${c.feature}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { team: c.team, feature: c.feature, days: new Map(), first: c.day }));
    s.first = Math.min(s.first, c.day);
    let d = s.days.get(c.day);
    if (!d) s.days.set(c.day, (d = { cost: 0n, events: 0, input: 0, byModel: new Map() }));
    d.cost += c.cost;
    d.events += c.events;
    d.input += c.inputTokens;
    d.byModel.set(c.model, (d.byModel.get(c.model) ?? 0n) + c.cost);
  }
  return [...series.values()];
}

const EMPTY: Day = { cost: 0n, events: 0, input: 0, byModel: new Map() };
const ratio = (a: number, b: number) => (a > 0 && b > 0 ? a / b : 1);

/** Which of volume, prompt length or price per token moved the most, as a log ratio. */
function explain(day: Day, baseline: Day[]): { driver: "volume" | "prompt_growth" | "model_switch"; detail: Record<string, unknown>; text: string } {
  const events = median(baseline.map((d) => d.events));
  const inputPerCall = median(baseline.filter((d) => d.events > 0).map((d) => d.input / d.events));
  const costPerInput = median(baseline.filter((d) => d.input > 0).map((d) => Number(d.cost) / d.input));
  const volume = ratio(day.events, events);
  const prompt = ratio(day.events ? day.input / day.events : 0, inputPerCall);
  const price = ratio(day.input ? Number(day.cost) / day.input : 0, costPerInput);
  const detail = { volumeRatio: Number(volume.toFixed(2)), inputPerCallRatio: Number(prompt.toFixed(2)), costPerTokenRatio: Number(price.toFixed(2)) };
  const top = Math.max(volume, prompt, price);
  if (top === price) {
    // the model whose share of the day's cost grew the most
    const total = (d: Day) => Number(d.cost) || 1;
    const shareIn = (d: Day, m: string) => Number(d.byModel.get(m) ?? 0n) / total(d);
    const models = [...day.byModel.keys()];
    const gains = models.map((m) => [m, shareIn(day, m) - median(baseline.map((d) => shareIn(d, m)))] as const).sort((a, b) => b[1] - a[1]);
    const model = gains[0]?.[0] ?? null;
    return { driver: "model_switch", detail: { ...detail, model }, text: `cost per token rose ${price.toFixed(1)}×${model ? `, with ${model} taking a larger share` : ""}` };
  }
  if (top === prompt) return { driver: "prompt_growth", detail, text: `input tokens per call rose ${prompt.toFixed(1)}×` };
  return { driver: "volume", detail, text: `${day.events.toLocaleString("en")} calls against a usual ${Math.round(events).toLocaleString("en")}` };
}

/** Days of `window` (UTC day starts) whose spend jumps far above each series' baseline. */
export function detectAnomalies(input: { cells: readonly DayCell[]; window: Window }): Insight[] {
  const firstDay = Math.floor(input.window.from / DAY_MS) * DAY_MS;
  const out: Insight[] = [];
  for (const s of buildSeries(input.cells)) {
    const flagged: Array<{ day: number; value: Day; excess: bigint; z: number; baseline: Day[]; med: number }> = [];
    for (let day = Math.max(firstDay, s.first + ANOMALY.minBaselineDays * DAY_MS); day < input.window.to; day += DAY_MS) {
      const value = s.days.get(day) ?? EMPTY;
      const baseline: Day[] = [];
      for (let back = 1; back <= ANOMALY.baselineDays; back++) {
        const at = day - back * DAY_MS;
        if (at >= s.first) baseline.push(s.days.get(at) ?? EMPTY);
      }
      const costs = baseline.map((d) => Number(d.cost));
      const floor = Math.max(ANOMALY.sigmaFloor, ANOMALY.sigmaFloorShare * median(costs));
      const scale = robustScale(costs, floor);
      const z = robustZ(Number(value.cost), scale);
      const med = BigInt(Math.round(scale.median));
      const excess = value.cost - med;
      const minExcess = BigInt(Math.round(scale.median * ANOMALY.minExcessShare));
      if (z >= ANOMALY.minZ && excess >= ANOMALY.minExcess && excess >= minExcess) flagged.push({ day, value, excess, z, baseline, med: scale.median });
    }
    if (flagged.length === 0) continue;
    const peak = flagged.reduce((a, b) => (b.excess > a.excess ? b : a));
    const why = explain(peak.value, peak.baseline);
    const date = new Date(peak.day).toISOString().slice(0, 10);
    const excess = flagged.reduce((sum, f) => sum + f.excess, 0n);
    out.push({
      id: `anomaly:${s.team}:${s.feature}:${date}`,
      kind: "anomaly",
      team: s.team,
      feature: s.feature,
      model: why.driver === "model_switch" ? ((why.detail.model as string | null) ?? undefined) : undefined,
      title: `Spend spike in ${s.feature} on ${date}`,
      message:
        `${s.feature} (${s.team}) spent ${usd(peak.value.cost)} on ${date} (UTC), ` +
        (peak.med >= 0.5 ? `against a usual ${usd(BigInt(Math.round(peak.med)))} a day: ` : "where most days cost nothing: ") +
        `${usd(peak.excess)} more (${peak.z.toFixed(0)} robust σ). Explained by ${why.driver.replace("_", " ")}: ${why.text}.` +
        (flagged.length > 1 ? ` ${flagged.length} days in the range were abnormal, ${usd(excess)} above baseline in all.` : ""),
      atStake: excess,
      evidence: {
        day: date,
        costUsd: formatUsd(peak.value.cost),
        baselineCostUsd: formatUsd(BigInt(Math.round(peak.med))),
        excessUsd: formatUsd(peak.excess),
        robustZ: Number(peak.z.toFixed(1)),
        driver: why.driver,
        ...why.detail,
        abnormalDays: flagged.map((f) => ({ day: new Date(f.day).toISOString().slice(0, 10), costUsd: formatUsd(f.value.cost), excessUsd: formatUsd(f.excess) })),
      },
    });
  }
  return out;
}

// Cost per outcome against value per outcome, one point per feature (pure).
// Both axes are logarithmic (features differ by orders of magnitude), so a
// feature is left out, with the reason, when either is not positive: no
// outcomes, value unknown, no cost, or outcomes worth nothing. Points above
// the diagonal (value per outcome > cost per outcome) earn more than they cost.
import type { RoiRow } from "@/lib/schemas/roi";
import { BAD, formatRatioMoney, formatRoi, GOOD } from "./prepare-roi-labels";

export type ScatterPoint = { feature: string; x: number; y: number; costPerOutcome: string; valuePerOutcome: string; roi: string; color: string };
export type ScatterTableRow = { feature: string; costPerOutcome: string; valuePerOutcome: string; roi: string };

export type RoiScatter = {
  points: ScatterPoint[];
  /** Log-axis domain shared by x and y (powers of ten), so the diagonal is the break-even line. */
  domain: [number, number];
  /** The powers of ten inside the domain: the ticks of both axes. */
  ticks: number[];
  leftOut: { feature: string; reason: string }[];
  empty: string | null;
};

function reasonLeftOut(row: RoiRow): string | null {
  if (!row.valueKnown) return "value unknown: no outcomes";
  if (row.outcomes === 0) return "no outcomes (value from events only)";
  if (Number(row.costPerOutcome) <= 0) return "no cost: ROI undefined";
  if (Number(row.valuePerOutcome) <= 0) return "outcomes worth $0";
  return null;
}

export function prepareRoiScatter(featureRows: readonly RoiRow[]): RoiScatter {
  const points: ScatterPoint[] = [];
  const leftOut: RoiScatter["leftOut"] = [];
  for (const row of featureRows) {
    const feature = row.key ?? "—";
    const reason = reasonLeftOut(row);
    if (reason) {
      leftOut.push({ feature, reason });
      continue;
    }
    const x = Number(row.costPerOutcome);
    const y = Number(row.valuePerOutcome);
    points.push({ feature, x, y, costPerOutcome: formatRatioMoney(row.costPerOutcome), valuePerOutcome: formatRatioMoney(row.valuePerOutcome), roi: formatRoi(row), color: y >= x ? GOOD : BAD });
  }
  const all = points.flatMap((p) => [p.x, p.y]);
  const domain: [number, number] = all.length === 0 ? [0.01, 1] : [10 ** Math.floor(Math.log10(Math.min(...all))), 10 ** Math.ceil(Math.log10(Math.max(...all)))];
  if (domain[0] === domain[1]) domain[1] = domain[0] * 10;
  const [lo, hi] = [Math.round(Math.log10(domain[0])), Math.round(Math.log10(domain[1]))];
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => Number(`1e${lo + i}`));
  const empty = points.length === 0 ? "No feature has both a cost and outcomes with value in this range, so there is nothing to plot." : null;
  return { points, domain, ticks, leftOut, empty };
}

export function scatterTable(scatter: RoiScatter): ScatterTableRow[] {
  return scatter.points.map(({ feature, costPerOutcome, valuePerOutcome, roi }) => ({ feature, costPerOutcome, valuePerOutcome, roi }));
}

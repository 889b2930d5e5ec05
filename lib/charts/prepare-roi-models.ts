// Per feature, the models used for it compared by cost per outcome (pure),
// so a cheaper model that does the job shows up. Features without outcomes
// are left out (their value is unknown); a model of a feature with outcomes
// but none credited to it has no cost per outcome (null, drawn as a gap).
import type { RoiRow } from "@/lib/schemas/roi";
import { colourOf, formatOutcomes, formatRatioMoney, formatRoi, groupLabel } from "./prepare-roi-labels";
import { formatMoney } from "@/lib/format";

export type ModelBar = {
  model: string;
  costPerOutcome: number | null;
  costPerOutcomeLabel: string;
  valuePerOutcomeLabel: string;
  roi: string;
  outcomes: string;
  cost: string;
  color: string;
};

export type FeatureComparison = {
  feature: string;
  /** The feature's cost in dollars, for ordering only (display; exact sums are the server's). */
  cost: number;
  models: ModelBar[];
  cheapest: ModelBar | null;
  dearest: ModelBar | null;
  /** "4.2× the cost per outcome of gpt-4.1-mini", or null with fewer than two comparable models. */
  spread: string | null;
};

export type RoiModels = { features: FeatureComparison[]; empty: string | null };

function spreadOf(cheapest: ModelBar | null, dearest: ModelBar | null): string | null {
  if (!cheapest || !dearest) return null;
  const ratio = dearest.costPerOutcome! / cheapest.costPerOutcome!;
  if (ratio < 1.05) return `${cheapest.model} and ${dearest.model} cost about the same per outcome`;
  return `${dearest.model} costs ${ratio.toFixed(1)}× as much per outcome as ${cheapest.model}`;
}

/** The comparison to draw first: the most expensive feature with two models or more. */
export function firstComparison(models: RoiModels): FeatureComparison | undefined {
  const comparable = models.features.filter((f) => f.dearest !== null);
  return [...comparable].sort((a, b) => b.cost - a.cost)[0] ?? models.features[0];
}

export function prepareRoiModels(featureRows: readonly RoiRow[]): RoiModels {
  const colour = colourOf(featureRows.flatMap((r) => (r.models ?? []).map((m) => groupLabel(m.key, "model"))));
  const features = featureRows
    .filter((r) => r.valueKnown && r.outcomes > 0 && (r.models?.length ?? 0) > 0)
    .map((row): FeatureComparison => {
      const models = [...(row.models ?? [])]
        .map((m): ModelBar => {
          const name = groupLabel(m.key, "model");
          return {
            model: name,
            costPerOutcome: m.costPerOutcome === null ? null : Number(m.costPerOutcome),
            costPerOutcomeLabel: formatRatioMoney(m.costPerOutcome),
            valuePerOutcomeLabel: formatRatioMoney(m.valuePerOutcome),
            roi: formatRoi(m),
            outcomes: formatOutcomes(m.outcomes),
            cost: formatMoney(m.costUsd),
            color: colour(name),
          };
        })
        .sort((a, b) => (a.costPerOutcome ?? Infinity) - (b.costPerOutcome ?? Infinity) || (a.model < b.model ? -1 : 1));
      const comparable = models.filter((m) => m.costPerOutcome !== null && m.costPerOutcome > 0);
      const cheapest = comparable[0] ?? null;
      const dearest = comparable.length > 1 ? comparable[comparable.length - 1] : null;
      return { feature: row.key ?? "—", cost: Number(row.costUsd), models, cheapest, dearest, spread: spreadOf(cheapest, dearest) };
    });
  const empty = features.length === 0 ? "No feature has outcomes in this range, so no model can be compared by cost per outcome." : null;
  return { features, empty };
}

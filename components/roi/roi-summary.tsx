import { formatMoney } from "@/lib/format";
import { formatOutcomes, formatRatioMoney, formatRoi } from "@/lib/charts/prepare-roi-labels";
import type { RoiMetrics } from "@/lib/schemas/roi";

/** Totals of the selection: cost, value, ROI, outcomes, cost per outcome. */
export function RoiSummary({ totals }: { totals: RoiMetrics }) {
  const stats = [
    { label: "Cost", value: formatMoney(totals.costUsd) },
    { label: "Value", value: totals.valueKnown ? formatMoney(totals.valueUsd) : "unknown" },
    { label: "ROI", value: formatRoi(totals) },
    { label: "Outcomes", value: formatOutcomes(totals.outcomes) },
    { label: "Cost per outcome", value: formatRatioMoney(totals.costPerOutcome) },
  ];
  return (
    <div className="cards" role="group" aria-label="ROI totals">
      {stats.map((s) => (
        <div className="card" key={s.label}>
          <div className="stat-label">{s.label}</div>
          <div className="stat-value">{s.value}</div>
        </div>
      ))}
    </div>
  );
}

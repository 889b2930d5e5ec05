"use client";

import { useId, useState } from "react";
import { RoiModelChart } from "@/components/charts/roi-model-chart";
import { firstComparison, type RoiModels } from "@/lib/charts/prepare-roi-models";

/**
 * For each feature with outcomes, its models by cost per outcome: a table of
 * every feature (cheapest and dearest model), and a chart of the one chosen.
 */
export function RoiModelComparison({ models }: { models: RoiModels }) {
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = models.features.find((f) => f.feature === chosen) ?? firstComparison(models);
  if (models.empty || !shown) return <p className="empty">{models.empty}</p>;
  return (
    <>
      <p className="muted">
        Shares of outcomes without a trace id are credited per call, so this compares what each model costs per call of the feature; traced outcomes
        show which model actually earned them.
      </p>
      <div className="table-scroll">
        <table className="table" data-testid="roi-models">
          <caption className="sr-only">Cheapest and dearest model per outcome, by feature</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Models</th>
              <th scope="col">Cheapest per outcome</th>
              <th scope="col">Dearest per outcome</th>
            </tr>
          </thead>
          <tbody>
            {models.features.map((f) => (
              <tr key={f.feature}>
                <th scope="row">{f.feature}</th>
                <td>{f.models.map((m) => m.model).join(", ")}</td>
                <td>{f.cheapest ? `${f.cheapest.model} · ${f.cheapest.costPerOutcomeLabel}` : "—"}</td>
                <td>{f.dearest ? `${f.dearest.model} · ${f.dearest.costPerOutcomeLabel}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field roi-feature-select">
        <label htmlFor={selectId}>Feature to compare</label>
        <select id={selectId} value={shown.feature} onChange={(e) => setChosen(e.target.value)}>
          {models.features.map((f) => (
            <option key={f.feature} value={f.feature}>
              {f.feature}
            </option>
          ))}
        </select>
      </div>
      <RoiModelChart comparison={shown} title={`Cost per outcome by model: ${shown.feature}`} />
      {shown.spread && <p className="chart-desc">{shown.spread}.</p>}
      <table className="table">
        <caption className="sr-only">Models of {shown.feature}</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Cost / outcome
            </th>
            <th scope="col" className="num">
              Value / outcome
            </th>
            <th scope="col" className="num">
              Outcomes
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col">ROI</th>
          </tr>
        </thead>
        <tbody>
          {shown.models.map((m) => (
            <tr key={m.model}>
              <th scope="row">
                <span className="roi-swatch" style={{ background: m.color }} aria-hidden="true" />
                {m.model}
              </th>
              <td className="num">{m.costPerOutcomeLabel}</td>
              <td className="num">{m.valuePerOutcomeLabel}</td>
              <td className="num">{m.outcomes}</td>
              <td className="num">{m.cost}</td>
              <td>{m.roi}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

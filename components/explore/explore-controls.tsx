"use client";

import { type FormEvent, useId } from "react";
import { SpendGroupBy, SpendInterval } from "@/lib/schemas/spend";
import { type ExploreSelection, FILTERS, RANGES, type RangeKey } from "./explore-params";

const LABELS: Record<SpendGroupBy, string> = { team: "Team", model: "Model", feature: "Feature", provider: "Provider", customer: "Customer" };
const today = () => new Date().toISOString().slice(0, 10);

/** Range, grouping, interval, chart kind and filters; every change becomes a new URL (the caller's `onChange`). */
export function ExploreControls({ selection, onChange }: { selection: ExploreSelection; onChange: (next: ExploreSelection) => void }) {
  const id = useId();
  const set = (patch: Partial<ExploreSelection>) => onChange({ ...selection, ...patch });

  const setRange = (range: RangeKey) => {
    if (range !== "custom") return set({ range, start: null, end: null });
    const end = today();
    set({ range, start: selection.start ?? new Date(Date.parse(end) - 6 * 86_400_000).toISOString().slice(0, 10), end: selection.end ?? end });
  };

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const filters: ExploreSelection["filters"] = {};
    for (const key of FILTERS) {
      const value = String(data.get(key) ?? "").trim();
      if (value) filters[key] = value;
    }
    set({ filters });
  };

  return (
    <div className="card">
      <div className="roi-controls explore-controls" role="group" aria-label="View">
        <div className="field">
          <label htmlFor={`${id}-range`}>Range</label>
          <select id={`${id}-range`} value={selection.range} onChange={(e) => setRange(e.target.value as RangeKey)}>
            {Object.entries(RANGES).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {selection.range === "custom" && (
          <>
            <div className="field">
              <label htmlFor={`${id}-start`}>From (UTC)</label>
              <input id={`${id}-start`} type="date" value={selection.start ?? ""} max={selection.end ?? undefined} onChange={(e) => e.target.value && set({ start: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-end`}>To (UTC, included)</label>
              <input id={`${id}-end`} type="date" value={selection.end ?? ""} min={selection.start ?? undefined} onChange={(e) => e.target.value && set({ end: e.target.value })} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-group`}>Group by</label>
          <select id={`${id}-group`} value={selection.groupBy} onChange={(e) => set({ groupBy: SpendGroupBy.parse(e.target.value) })}>
            {SpendGroupBy.options.map((g) => (
              <option key={g} value={g}>
                {LABELS[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-interval`}>Interval</label>
          <select id={`${id}-interval`} value={selection.interval} onChange={(e) => set({ interval: SpendInterval.parse(e.target.value) })}>
            {SpendInterval.options.map((i) => (
              <option key={i} value={i}>
                {i[0].toUpperCase() + i.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field explore-chart-kind">
          <legend>Chart</legend>
          <div className="checks">
            {(["area", "bar"] as const).map((kind) => (
              <label key={kind}>
                <input type="radio" name={`${id}-chart`} checked={selection.chart === kind} onChange={() => set({ chart: kind })} /> {kind === "area" ? "Stacked area" : "Stacked bars"}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <form className="roi-controls explore-filters" aria-label="Filters" onSubmit={applyFilters} key={JSON.stringify(selection.filters)}>
        {FILTERS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{LABELS[key]}</label>
            <input id={`${id}-${key}`} type="text" name={key} defaultValue={selection.filters[key] ?? ""} placeholder="any" />
          </div>
        ))}
        <div className="form-actions">
          <button className="btn btn-primary" type="submit">
            Apply filters
          </button>
          {Object.keys(selection.filters).length > 0 && (
            <button className="btn" type="button" onClick={() => set({ filters: {} })}>
              Clear filters
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

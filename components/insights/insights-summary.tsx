import { formatMoney } from "@/lib/format";
import { formatUsd, parseUsd } from "@/lib/money";
import type { GetInsightsResponse } from "@/lib/schemas/insights";
import { KIND_LABELS, KINDS } from "./insight-kinds";

const DAY_MS = 86_400_000;

/** Total monthly savings found (exact, in nano-dollars), findings by kind, and what the raw-event detectors read. */
export function InsightsSummary({ data }: { data: GetInsightsResponse }) {
  const savings = data.insights.reduce((sum, i) => sum + (i.monthlySavingsUsd ? parseUsd(i.monthlySavingsUsd) : 0n), 0n);
  const counts = KINDS.map((k) => [k, data.insights.filter((i) => i.kind === k).length] as const).filter(([, n]) => n > 0);
  const detailDays = Math.max(1, Math.round((Date.parse(data.detailWindow.to) - Date.parse(data.detailWindow.from)) / DAY_MS));
  return (
    <section className="card" aria-label="Insights summary">
      <div className="insights-summary">
        <div>
          <div className="stat-label">Monthly savings found</div>
          <div className="stat-value" data-testid="insights-total-savings">
            {formatMoney(formatUsd(savings))}
          </div>
        </div>
        <div>
          <div className="stat-label">Insights</div>
          <div className="stat-value">{data.insights.length}</div>
        </div>
        <ul className="insights-kind-counts" aria-label="Insights by kind">
          {counts.length === 0 ? (
            <li className="muted">none in this range</li>
          ) : (
            counts.map(([kind, n]) => (
              <li key={kind}>
                {KIND_LABELS[kind]}: <strong>{n}</strong>
              </li>
            ))
          )}
        </ul>
      </div>
      <p className="muted insights-window">
        {data.from.slice(0, 10)} to {data.to.slice(0, 10)} (UTC). Spend detectors read the whole range from daily rollups; the trace and prompt detectors (runaway agents,
        repeated prompts) read the last {detailDays} day{detailDays === 1 ? "" : "s"} of raw events, from {data.detailWindow.from.slice(0, 10)}.
      </p>
    </section>
  );
}

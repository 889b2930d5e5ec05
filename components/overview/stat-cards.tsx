import { formatCount, formatMoney, formatTokens } from "@/lib/format";
import { ChangeBadge } from "./change-badge";

export type OverviewStats = {
  costUsd: string;
  previousUsd: string;
  changePct: number | null;
  forecastUsd: string | null;
  forecastMethod: string;
  inputTokens: number;
  outputTokens: number;
  events: number;
  savedUsd: string;
};

/** Month to date: spend, change, forecast (with its method), requests, tokens and cache savings. */
export function StatCards({ stats, monthEnd }: { stats: OverviewStats; monthEnd: string }) {
  return (
    <section className="cards" aria-label="Month to date">
      <div className="card">
        <div className="stat-label">Spend</div>
        <div className="stat-value" data-testid="mtd-spend">
          {formatMoney(stats.costUsd)}
        </div>
        <div className="muted" data-testid="mtd-change">
          <ChangeBadge changePct={stats.changePct} changeUsd={stats.previousUsd === stats.costUsd ? "0" : undefined} /> vs{" "}
          {formatMoney(stats.previousUsd)} at the same point last month
        </div>
      </div>
      <div className="card">
        <div className="stat-label">Forecast for {monthEnd}</div>
        <div className="stat-value" data-testid="forecast">
          {stats.forecastUsd === null ? "—" : formatMoney(stats.forecastUsd)}
        </div>
        <div className="muted" data-testid="forecast-method">
          {stats.forecastUsd === null ? "No forecast yet: no spend history in the last 28 days." : `Method: ${stats.forecastMethod}.`}
        </div>
      </div>
      <div className="card">
        <div className="stat-label">Requests</div>
        <div className="stat-value">{formatCount(stats.events)}</div>
      </div>
      <div className="card">
        <div className="stat-label">Tokens</div>
        <div className="stat-value">{formatTokens(stats.inputTokens + stats.outputTokens)}</div>
        <div className="muted">
          {formatTokens(stats.inputTokens)} in, {formatTokens(stats.outputTokens)} out
        </div>
      </div>
      <div className="card">
        <div className="stat-label">Cache savings</div>
        <div className="stat-value" data-testid="cache-savings">
          {formatMoney(stats.savedUsd)}
        </div>
        <div className="muted">List price of calls answered from cache</div>
      </div>
    </section>
  );
}

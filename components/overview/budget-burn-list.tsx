import Link from "next/link";
import { formatMoney } from "@/lib/format";

export type BudgetBurnRow = {
  id: string;
  name: string;
  scope: string;
  period: string;
  limitUsd: string;
  spentUsd: string;
  forecastUsd: string | null;
  status: "ok" | "warning" | "over";
};

const STATUS: Record<BudgetBurnRow["status"], { text: string; tone: string }> = {
  ok: { text: "on track", tone: "tag-good" },
  warning: { text: "alert threshold reached", tone: "tag-warn" },
  over: { text: "over limit", tone: "tag-bad" },
};

/** Each budget's current period: spent vs limit vs forecast (linear run rate). */
export function BudgetBurnList({ budgets, scope, canCreate }: { budgets: BudgetBurnRow[]; scope: string; canCreate: boolean }) {
  return (
    <section className="card" aria-labelledby="budget-burn">
      <h2 id="budget-burn" className="overview-list-title">
        Budget burn
      </h2>
      {budgets.length === 0 ? (
        <p className="empty">
          No budgets cover {scope} yet, so there is nothing to burn down.{" "}
          {canCreate && <Link href="/budgets">Create a budget</Link>}
        </p>
      ) : (
        <table className="table" data-testid="budget-burn">
          <thead>
            <tr>
              <th scope="col">Budget</th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col" className="num">
                Limit
              </th>
              <th scope="col" className="num">
                Forecast at period end
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {budgets.map((b) => {
              const overForecast = b.forecastUsd !== null && Number(b.forecastUsd) > Number(b.limitUsd);
              return (
                <tr key={b.id}>
                  <td>
                    <Link href="/budgets">{b.name}</Link> <span className="muted">{`${b.scope}, per ${b.period}`}</span>
                  </td>
                  <td className="num">{formatMoney(b.spentUsd)}</td>
                  <td className="num">{formatMoney(b.limitUsd)}</td>
                  <td className="num">{b.forecastUsd === null ? "too early" : formatMoney(b.forecastUsd)}</td>
                  <td>
                    <span className={`tag ${STATUS[b.status].tone}`}>{STATUS[b.status].text}</span>
                    {overForecast && b.status !== "over" && <span className="tag tag-warn">forecast over limit</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

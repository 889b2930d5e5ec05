import Link from "next/link";
import type { z } from "zod";
import { formatCount, formatDateTime, formatMoney } from "@/lib/format";
import type { InsightDto } from "@/lib/schemas/insights";
import type { RunawayEvidence as Evidence } from "./insight-evidence-schemas";
import { type InsightRangeDays, traceEventsHref } from "./insights-params";
import { Facts } from "./insight-facts";

/** The worst traces against the feature's typical one, and the guard that would have stopped them. */
export function RunawayEvidence({ evidence, action, days }: { evidence: z.infer<typeof Evidence>; action?: InsightDto["action"]; days: InsightRangeDays }) {
  const guard = action?.type === "create_budget" ? action.budget.agentGuard : undefined;
  const facts: [string, string][] = [
    ["Typical trace", `${formatCount(evidence.typicalSteps)} steps, ${formatMoney(evidence.typicalCostUsd)} (p99: ${formatCount(evidence.p99Steps)} steps, ${formatMoney(evidence.p99CostUsd)})`],
    ["Traces read", `${formatCount(evidence.traces)} in the last ${evidence.windowDays} days; the outliers cost ${formatMoney(evidence.outlierCostUsd)}`],
  ];
  if (guard) {
    const parts = [guard.maxSteps !== undefined ? `${formatCount(guard.maxSteps)} steps` : null, guard.maxCostUsd !== undefined ? `${formatMoney(String(guard.maxCostUsd))}` : null];
    facts.push(["Suggested guard", `at most ${parts.filter(Boolean).join(" or ")} per trace`]);
  }
  return (
    <>
      <Facts facts={facts} />
      <div className="table-scroll">
        <table className="table insight-table">
          <caption className="sr-only">Worst traces</caption>
          <thead>
            <tr>
              <th scope="col">Trace</th>
              <th scope="col">Model</th>
              <th scope="col" className="num">Steps</th>
              <th scope="col" className="num">Cost</th>
              <th scope="col">Started (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {evidence.worst.map((t) => (
              <tr key={t.traceId}>
                <th scope="row">
                  <Link className="mono" href={traceEventsHref(days, t.traceId)} aria-label={`Events of trace ${t.traceId}`}>
                    {t.traceId}
                  </Link>
                </th>
                <td>{t.model}</td>
                <td className="num">{formatCount(t.steps)}</td>
                <td className="num">{formatMoney(t.costUsd)}</td>
                <td>{formatDateTime(t.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

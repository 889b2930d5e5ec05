import type { z } from "zod";
import { formatCount, formatMoney } from "@/lib/format";
import { percent } from "./evidence-format";
import type { PromptBloatEvidence as Evidence } from "./insight-evidence-schemas";

/** Input tokens per call, week by week, oldest first. */
export function PromptBloatEvidence({ evidence }: { evidence: z.infer<typeof Evidence> }) {
  const weeks = [...evidence.weeks].sort((a, b) => b.weeksAgo - a.weeksAgo);
  return (
    <>
      <p className="muted">
        Fitted trend: {formatCount(evidence.startTokensPerCall)} → {formatCount(evidence.endTokensPerCall)} input tokens per call (+{percent(evidence.growth)}); the extra input costs{" "}
        {formatMoney(evidence.extraMonthlyCostUsd)} a month.
      </p>
      <div className="table-scroll">
        <table className="table insight-table">
          <caption className="sr-only">Input tokens per call by week</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" className="num">Calls</th>
              <th scope="col" className="num">Input tokens per call</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weeksAgo}>
                <th scope="row">{w.weeksAgo === 0 ? "last 7 days" : `${w.weeksAgo} week${w.weeksAgo === 1 ? "" : "s"} earlier`}</th>
                <td className="num">{formatCount(w.calls)}</td>
                <td className="num">{formatCount(w.inputTokensPerCall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

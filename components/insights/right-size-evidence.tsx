import type { z } from "zod";
import { formatCount, formatMoney } from "@/lib/format";
import type { RightSizeEvidence as Evidence } from "./insight-evidence-schemas";

/** The feature's current mix and the cheaper models priced on the same tokens. */
export function RightSizeEvidence({ evidence, model }: { evidence: z.infer<typeof Evidence>; model?: string }) {
  const outcomes = evidence.costPerOutcomeUsd != null || evidence.candidates.some((c) => c.costPerOutcomeUsd != null);
  return (
    <>
      <p className="muted">
        {formatCount(evidence.callsPerDay)} calls a day, {formatCount(evidence.inputTokensPerCall)} input / {formatCount(evidence.outputTokensPerCall)} output tokens per call.
      </p>
      <div className="table-scroll">
        <table className="table insight-table">
          <caption className="sr-only">Cheaper models priced on the same tokens</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">Monthly cost</th>
              <th scope="col" className="num">Monthly savings</th>
              {outcomes && <th scope="col" className="num">Cost per outcome</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                {model ?? "current"} <span className="muted">(today)</span>
              </th>
              <td className="num">{formatMoney(evidence.monthlyCostUsd)}</td>
              <td className="num">—</td>
              {outcomes && <td className="num">{formatMoney(evidence.costPerOutcomeUsd)}</td>}
            </tr>
            {evidence.candidates.map((c) => (
              <tr key={`${c.provider}/${c.model}`}>
                <th scope="row">
                  {c.model} <span className="muted">({c.provider})</span>
                </th>
                <td className="num">{formatMoney(c.monthlyCostUsd)}</td>
                <td className="num">{formatMoney(c.monthlySavingsUsd)}</td>
                {outcomes && <td className="num">{formatMoney(c.costPerOutcomeUsd)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

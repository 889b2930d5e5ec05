import type { z } from "zod";
import { formatMoney } from "@/lib/format";
import type { UnbudgetedEvidence as Evidence } from "./insight-evidence-schemas";
import { Facts } from "./insight-facts";

/** Why the spend is ungoverned: no budget, an unreviewed team, or keys nobody owns. */
export function UnbudgetedEvidence({ evidence }: { evidence: z.infer<typeof Evidence> }) {
  switch (evidence.reason) {
    case "no_budget":
      return (
        <Facts
          facts={[
            ["Reason", "no budget covers this spend"],
            ["Uncovered", `${formatMoney(evidence.uncoveredMonthlyUsd)} a month of ${formatMoney(evidence.monthlySpendUsd)}`],
          ]}
        />
      );
    case "unreviewed_team":
      return (
        <Facts
          facts={[
            ["Reason", "team created by ingest, not reviewed yet"],
            ["Spend", `${formatMoney(evidence.monthlySpendUsd)} a month`],
          ]}
        />
      );
    case "ownerless_key":
      return (
        <>
          <Facts facts={[["Reason", "API keys bound to no team, whose creators have left"]]} />
          <ul className="insight-keys">
            {evidence.keys.map((k) => (
              <li key={k.id}>
                {k.name} <code>{k.prefix}…</code>: {formatMoney(k.monthlySpendUsd)} a month
              </li>
            ))}
          </ul>
        </>
      );
  }
}

import Link from "next/link";
import type { RankedRow, RoiRanking } from "@/lib/charts/prepare-roi-ranking";
import type { RoiGroupBy } from "@/lib/schemas/roi";
import { entityHref } from "@/components/entity/entity-href";

const GROUP_NAME: Record<RoiGroupBy, string> = { team: "Team", feature: "Feature", model: "Model" };

function Callout({ title, rows }: { title: string; rows: RankedRow[] }) {
  return (
    <div>
      <h3 className="roi-callout-title">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">None with a known ROI.</p>
      ) : (
        <ol className="roi-callout">
          {rows.map((r) => (
            <li key={r.id}>
              <span>{r.label}</span> <span className={`roi-${r.tone}`}>{r.roi}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function RoiCell({ row }: { row: RankedRow }) {
  if (row.status === "unknown") return <span className="tag">value unknown</span>;
  if (row.status === "no-cost") return <span className="tag tag-warn">ROI undefined: no cost</span>;
  return <span className={`roi-${row.tone}`}>{row.roi}</span>;
}

/** The ranked table: best ROI first, then undefined ROI, then value unknown (lib/charts/prepare-roi-ranking.ts). */
export function RoiRankingTable({ ranking, groupBy }: { ranking: RoiRanking; groupBy: RoiGroupBy }) {
  if (ranking.empty) return <p className="empty">{ranking.empty}</p>;
  return (
    <>
      <div className="roi-callouts">
        <Callout title="Best ROI" rows={ranking.best} />
        <Callout title="Worst ROI" rows={ranking.worst} />
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="roi-ranking">
          <caption className="sr-only">{GROUP_NAME[groupBy]}s ranked by ROI, best first</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">{GROUP_NAME[groupBy]}</th>
              <th scope="col">ROI</th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Outcomes
              </th>
              <th scope="col" className="num">
                Cost / outcome
              </th>
              <th scope="col" className="num">
                Value / 1M tokens
              </th>
              <th scope="col" className="num">
                Tokens
              </th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((row) => (
              <tr key={row.id}>
                <td className="num">{row.rank ?? "—"}</td>
                <th scope="row">
                  {row.key === null ? row.label : <Link href={entityHref(groupBy, row.key)}>{row.label}</Link>}
                  {row.unpricedEvents > 0 && (
                    <span className="tag tag-bad" title="Calls of models without a price: the cost is incomplete and the ROI overstated.">
                      {row.unpricedEvents} unpriced
                    </span>
                  )}
                  {row.kinds && <div className="field-hint">{row.kinds}</div>}
                </th>
                <td>
                  <RoiCell row={row} />
                </td>
                <td className="num">{row.cost}</td>
                <td className="num">{row.value}</td>
                <td className="num">{row.outcomes}</td>
                <td className="num">{row.costPerOutcome}</td>
                <td className="num">{row.valuePerMillionTokens}</td>
                <td className="num">{row.tokens}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

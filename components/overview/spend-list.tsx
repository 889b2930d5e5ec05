import Link from "next/link";
import { formatMoney } from "@/lib/format";
import { ChangeBadge } from "./change-badge";
import { ENTITY_LABELS, entityHref } from "@/components/entity/entity-href";

export type SpendListRow = { key: string; costUsd: string; previousUsd: string; changeUsd: string; changePct: number | null };

export type SpendListTeam = { slug: string; name: string; unreviewed: boolean };

/**
 * Top keys or movers of one dimension, each linking to Explore filtered by it.
 * `teams` names team slugs and flags unreviewed (shadow) teams.
 */
export function SpendList(props: {
  title: string;
  dimension: "team" | "model" | "feature";
  rows: SpendListRow[];
  column: "spend" | "change";
  empty: string;
  teams: SpendListTeam[];
  testId?: string;
}) {
  const { title, dimension, rows, column, teams } = props;
  const headingId = `${props.testId ?? `${column}-${dimension}`}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="overview-list-title">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{props.empty}</p>
      ) : (
        <table className="table" data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col">{ENTITY_LABELS[dimension]}</th>
              <th scope="col" className="num">
                {column === "spend" ? "Spend" : "Change"}
              </th>
              <th scope="col" className="num">
                vs last month
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const team = dimension === "team" ? teams.find((t) => t.slug === row.key) : undefined;
              return (
                <tr key={row.key}>
                  <td>
                    <Link href={entityHref(dimension, row.key)}>{team?.name ?? row.key}</Link>{" "}
                    {team?.unreviewed && <span className="tag tag-bad">unreviewed</span>}
                  </td>
                  <td className="num">{column === "spend" ? formatMoney(row.costUsd) : `${row.changeUsd.startsWith("-") ? "" : "+"}${formatMoney(row.changeUsd)}`}</td>
                  <td className="num">
                    <ChangeBadge changePct={row.changePct} changeUsd={row.changeUsd} />
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

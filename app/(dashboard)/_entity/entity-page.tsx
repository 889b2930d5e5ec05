// The page of one team, model or feature: its spend over the last 30 days
// against the 30 before, broken down by the two other dimensions (each key
// linking to its own page), with links to Explore and the event log. Team
// leads and viewers see their own teams' spend only, and another team's page
// is refused.
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SpendChart } from "@/components/charts/spend-chart";
import { ChangeBadge } from "@/components/overview/change-badge";
import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import { teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { prepareSpendSeries } from "@/lib/charts/prepare-spend-series";
import { prisma } from "@/lib/db";
import { formatCount, formatMoney, formatTokens } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { formatUsd, parseUsd } from "@/lib/money";
import { GetSpendQuery, type GetSpendResponse } from "@/lib/schemas/spend";
import { EntityBreakdownTable } from "@/components/entity/entity-breakdown-table";
import { ENTITY_LABELS, type EntityDimension } from "@/components/entity/entity-href";

const DAY_MS = 86_400_000;
const DAYS = 30;
const BREAKDOWNS: Record<EntityDimension, [EntityDimension, EntityDimension]> = { team: ["feature", "model"], model: ["team", "feature"], feature: ["model", "team"] };

async function spendOf(orgId: string, teamIds: string[] | null, dimension: EntityDimension, value: string, groupBy: EntityDimension, from: Date, to: Date) {
  const query = GetSpendQuery.safeParse({ from: from.toISOString(), to: to.toISOString(), interval: "day", groupBy, [dimension]: value });
  // a name no team, model or feature can have
  if (!query.success) throw new AppError("not_found", `There is no ${dimension} '${value}'.`);
  return getSpendSeries({ orgId, teamIds, query: query.data });
}

/** Both breakdowns, this period and the one before; another team's page is the "not allowed" page, an unknown team 404. */
async function load(orgId: string, teamIds: string[] | null, dimension: EntityDimension, value: string) {
  const to = new Date();
  const from = new Date(to.getTime() - DAYS * DAY_MS);
  const before = new Date(from.getTime() - DAYS * DAY_MS);
  try {
    return await Promise.all(
      BREAKDOWNS[dimension].map(async (groupBy) => {
        const [current, previous] = await Promise.all([
          spendOf(orgId, teamIds, dimension, value, groupBy, from, to),
          spendOf(orgId, teamIds, dimension, value, groupBy, before, from),
        ]);
        return { groupBy, current, previous };
      }),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "forbidden") redirect("/forbidden");
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

function change(current: GetSpendResponse, previous: GetSpendResponse) {
  const [now, then] = [parseUsd(current.totals.costUsd), parseUsd(previous.totals.costUsd)];
  return { changeUsd: formatUsd(now - then), changePct: then === 0n ? null : Number(((now - then) * 10_000n) / then) / 100 };
}

export async function EntityPage({ dimension, value }: { dimension: EntityDimension; value: string }) {
  const viewer = await requirePermission("spend.read");
  const teamIds = teamScope(viewer);
  const breakdowns = await load(viewer.orgId, teamIds, dimension, value);
  const team = dimension === "team" ? await prisma().team.findUnique({ where: { orgId_slug: { orgId: viewer.orgId, slug: value } }, select: { name: true, unreviewed: true } }) : null;
  const [first] = breakdowns;
  const { totals } = first.current;
  const name = team?.name ?? value;
  const label = ENTITY_LABELS[dimension];
  const filter = new URLSearchParams({ [dimension]: value });

  return (
    <>
      <div className="page-header">
        <h1>
          {label} {name} {team?.unreviewed && <span className="tag tag-bad">unreviewed</span>}
        </h1>
        <p>
          Last {DAYS} days{teamIds ? ", your teams only" : ""}: {formatMoney(totals.costUsd)} <ChangeBadge {...change(first.current, first.previous)} /> over {formatCount(totals.events)} requests and{" "}
          {formatTokens(totals.inputTokens + totals.outputTokens)} tokens, against the {DAYS} days before.
        </p>
        <p>
          <Link href={`/explore?${new URLSearchParams({ [dimension]: value, groupBy: first.groupBy })}`}>Open in Explore</Link> ·{" "}
          <Link href={`/explore/events?${filter}`}>View events</Link>
          {dimension === "team" && (
            <>
              {" "}
              · <Link href="/budgets">Budgets</Link>
            </>
          )}
        </p>
      </div>
      {totals.events === 0 ? (
        <p className="card empty">No spend on this {dimension} in the last {DAYS} days{teamIds ? " in your teams" : ""}.</p>
      ) : (
        breakdowns.map(({ groupBy, current, previous }) => {
          const chart = prepareSpendSeries({ current, previous });
          return (
            <section className="card" key={groupBy} aria-labelledby={`by-${groupBy}`}>
              <h2 id={`by-${groupBy}`}>By {groupBy}</h2>
              <SpendChart
                chart={chart}
                kind="area"
                title={`${label} ${name}: spend by ${groupBy}, per day`}
                description={`${current.from.slice(0, 10)} to ${current.to.slice(0, 10)} (days in ${current.timeZone}); the largest keys, the rest as Other.`}
              />
              <EntityBreakdownTable rows={chart.rows} caption={`${label} ${name}: spend by ${groupBy}`} dimension={groupBy} />
            </section>
          );
        })
      )}
    </>
  );
}

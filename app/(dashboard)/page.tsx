import { OverviewSpendChart } from "@/components/charts/overview-spend-chart";
import { BudgetBurnList } from "@/components/overview/budget-burn-list";
import { SpendCallouts } from "@/components/overview/spend-callouts";
import { SpendList } from "@/components/overview/spend-list";
import { StatCards } from "@/components/overview/stat-cards";
import { getOverview } from "@/lib/analytics/get-overview";
import { roleMay, teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { prepareOverviewSpend } from "@/lib/charts/prepare-overview-spend";
import { formatMoney } from "@/lib/format";

export const metadata = { title: "Overview" };

const DIMENSIONS = [
  { key: "team", label: "teams" },
  { key: "model", label: "models" },
  { key: "feature", label: "features" },
] as const;

export default async function OverviewPage() {
  const viewer = await requirePermission("spend.read");
  const teamIds = teamScope(viewer);
  const overview = await getOverview({ orgId: viewer.orgId, teamIds, timeZone: viewer.timeZone });
  const zone = { timeZone: viewer.timeZone };
  const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", ...zone }).format(new Date(overview.asOf));
  const monthEnd = new Intl.DateTimeFormat("en-GB", { month: "long", ...zone }).format(new Date(overview.asOf));
  const scopeNote = teamIds ? "your teams" : "the whole organisation";
  const noUsage = "No usage recorded this month yet. Services send usage to POST /api/v1/events.";
  const chart = prepareOverviewSpend(overview.daily, teamIds ? "your teams" : "this organisation");
  const forecastNote =
    overview.forecastUsd === null ? "No month-end forecast yet." : `Forecast for the end of ${monthEnd}: ${formatMoney(overview.forecastUsd)} (${overview.forecastMethod}).`;
  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
        <p>
          Month to date ({month}, {viewer.timeZone}) for {scopeNote}.
        </p>
      </div>
      <SpendCallouts unpricedEvents={overview.unpricedEvents} unreviewedUsd={overview.unreviewedUsd} canFix={roleMay(viewer, "prices.write")} />
      <StatCards stats={overview} monthEnd={`end of ${monthEnd}`} />
      <section className="card">
        <OverviewSpendChart chart={chart} title="Spend per day, last 90 days" description={`Days in ${viewer.timeZone}; today so far. ${forecastNote}`} />
      </section>
      <div className="overview-lists">
        {DIMENSIONS.map((d) => (
          <SpendList
            key={d.key}
            title={`Top ${d.label} this month`}
            dimension={d.key}
            rows={overview.top[d.key]}
            column="spend"
            empty={noUsage}
            teams={overview.teams}
            testId={`top-${d.label}`}
          />
        ))}
        {DIMENSIONS.map((d) => (
          <SpendList
            key={`movers-${d.key}`}
            title={`Biggest movers: ${d.label}`}
            dimension={d.key}
            rows={overview.movers[d.key]}
            column="change"
            empty="No change against the same point last month."
            teams={overview.teams}
            testId={`movers-${d.label}`}
          />
        ))}
      </div>
      <BudgetBurnList budgets={overview.budgets} scope={teamIds ? "your teams" : "this organisation"} canCreate={roleMay(viewer, "budgets.write")} />
    </>
  );
}

import { getMonthToDate } from "@/lib/analytics/get-month-to-date";
import { teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { formatCount, formatMoney, formatTokens } from "@/lib/format";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requirePermission("spend.read");
  const mtd = await getMonthToDate({ orgId: viewer.orgId, teamIds: teamScope(viewer), timeZone: viewer.timeZone });
  const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: viewer.timeZone }).format(new Date());
  const scopeNote = teamScope(viewer) ? "your teams" : "the whole organisation";
  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
        <p>
          Month to date ({month}, {viewer.timeZone}) for {scopeNote}.
        </p>
      </div>
      <section className="cards" aria-label="Month to date">
        <div className="card">
          <div className="stat-label">Spend</div>
          <div className="stat-value" data-testid="mtd-spend">
            {formatMoney(mtd.costUsd)}
          </div>
        </div>
        <div className="card">
          <div className="stat-label">Requests</div>
          <div className="stat-value">{formatCount(mtd.events)}</div>
        </div>
        <div className="card">
          <div className="stat-label">Tokens</div>
          <div className="stat-value">{formatTokens(mtd.tokens)}</div>
        </div>
        <div className="card">
          <div className="stat-label">Unpriced calls</div>
          <div className="stat-value">{formatCount(mtd.unpricedEvents)}</div>
        </div>
      </section>
      <section className="card" aria-labelledby="top-teams">
        <h2 id="top-teams">Top teams this month</h2>
        {mtd.topTeams.length === 0 ? (
          <p className="empty">No usage recorded this month yet. Services send usage to POST /api/v1/events.</p>
        ) : (
          <table className="table" data-testid="top-teams">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="num">
                  Spend
                </th>
              </tr>
            </thead>
            <tbody>
              {mtd.topTeams.map((team) => (
                <tr key={team.slug}>
                  <td>
                    {team.name} {team.unreviewed && <span className="tag tag-bad">unreviewed</span>}
                  </td>
                  <td className="num">{formatMoney(team.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="muted">Charts, forecasts, budget burn and movers come with the spend dashboard.</p>
    </>
  );
}

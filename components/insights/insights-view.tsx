"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { useInsights } from "@/lib/queries/insights";
import { DismissedInsights } from "./dismissed-insights";
import { InsightCard, type InsightPermissions } from "./insight-card";
import { InsightKindFilter } from "./insight-kind-filter";
import { KIND_LABELS } from "./insight-kinds";
import { InsightsControls, type TeamOption } from "./insights-controls";
import { insightsHref, insightsParams, type InsightsSelection, parseInsightsSelection } from "./insights-params";
import { InsightsSummary } from "./insights-summary";

export type InsightsViewProps = {
  /** The page's clock (ISO): ranges end at its next whole hour, as the server prefetched them. */
  now: string;
  teams: TeamOption[];
  /** Admin and finance see the whole organisation; others their own teams. */
  orgWide: boolean;
  permissions: InsightPermissions;
  timeZone: string;
};

/** The view is the URL (range, team, kind): a change pushes a history entry without a server round trip. */
export function InsightsView({ now, teams, orgWide, permissions, timeZone }: InsightsViewProps) {
  const search = useSearchParams().toString();
  const selection = useMemo(() => parseInsightsSelection(new URLSearchParams(search)), [search]);
  const params = useMemo(() => insightsParams(selection, new Date(now)), [selection, now]);
  const query = useInsights(params);
  const [status, setStatus] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const navigate = (patch: Partial<InsightsSelection>) => {
    setStatus(null);
    window.history.pushState(null, "", insightsHref({ ...selection, ...patch }));
  };
  const done = (message: string) => {
    setStatus(message);
    requestAnimationFrame(() => listHeading.current?.focus());
  };

  const data = query.data;
  const shown = data ? data.insights.filter((i) => selection.kind === null || i.kind === selection.kind) : [];
  const who = selection.team ? `team ${teams.find((t) => t.slug === selection.team)?.name ?? selection.team}` : orgWide ? "the organisation" : "your teams";

  return (
    <>
      <InsightsControls
        days={selection.days}
        team={selection.team}
        teams={teams}
        allTeamsLabel={orgWide ? "All teams" : "All my teams"}
        updating={query.isFetching && query.isPlaceholderData}
        onDays={(days) => navigate({ days })}
        onTeam={(team) => navigate({ team })}
      />
      <p className="success-text" role="status">
        {status}
      </p>
      {query.error ? (
        <QueryError what="insights" error={query.error} onRetry={() => query.refetch()} />
      ) : !data ? (
        <LoadingBlock what="insights" />
      ) : (
        <>
          <InsightsSummary data={data} />
          <section aria-labelledby="insights-list-heading" data-testid="insights-list">
            <div className="insights-list-header">
              <h2 id="insights-list-heading" ref={listHeading} tabIndex={-1}>
                Where to save, most valuable first
              </h2>
              {data.insights.length > 0 && <InsightKindFilter insights={data.insights} kind={selection.kind} onChange={(kind) => navigate({ kind })} />}
            </div>
            {data.insights.length === 0 ? (
              <p className="card empty">
                No waste found in this range for {who}: no detector flagged right-sizing, repeated prompts, runaway agents, spikes, prompt growth or unbudgeted spend
                {data.dismissed.length > 0 ? `, besides the ${data.dismissed.length} dismissed below` : ""}.
              </p>
            ) : shown.length === 0 ? (
              <p className="card empty">
                No {selection.kind ? KIND_LABELS[selection.kind].toLowerCase() : ""} insight in this range for {who}; {data.insights.length} other
                {data.insights.length === 1 ? " is" : "s are"} listed under All.
              </p>
            ) : (
              shown.map((insight) => (
                <InsightCard key={insight.id} insight={insight} days={selection.days} range={{ from: params.from, to: params.to }} permissions={permissions} onDone={done} />
              ))
            )}
          </section>
          <DismissedInsights dismissed={data.dismissed} canRestore={permissions.manage} timeZone={timeZone} onRestored={(title) => done(`Restored “${title}”.`)} />
        </>
      )}
    </>
  );
}

"use client";

import { useSearchParams } from "next/navigation";
import Link from "next/link";
import { useMemo } from "react";
import { SpendChart } from "@/components/charts/spend-chart";
import { entityHref, isEntityDimension } from "@/components/entity/entity-href";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { prepareSpendSeries } from "@/lib/charts/prepare-spend-series";
import { formatMoney } from "@/lib/format";
import { spendSearch, useSpend } from "@/lib/queries/spend";
import { eventsLogHref } from "./event-log-params";
import { ExploreControls } from "./explore-controls";
import { drillDown, type ExploreSelection, parseSelection, selectionSearch, spendParams } from "./explore-params";
import { ExportCsvButton } from "./export-csv-button";
import { SpendTable } from "./spend-table";

const href = (selection: ExploreSelection) => {
  const search = selectionSearch(selection);
  return search ? `/explore?${search}` : "/explore";
};

/** The view is the URL: a change pushes a history entry (back undoes it) without a server round trip. */
export function ExploreView({ now }: { now: string }) {
  const search = useSearchParams().toString();
  const selection = useMemo(() => parseSelection(new URLSearchParams(search)), [search]);
  const params = useMemo(() => spendParams(selection, new Date(now)), [selection, now]);
  const current = useSpend(params.current);
  const previous = useSpend(params.previous);
  const chart = useMemo(() => (current.data ? prepareSpendSeries({ current: current.data, previous: previous.data ?? null }) : null), [current.data, previous.data]);

  const { groupBy } = selection;
  const navigate = (next: ExploreSelection) => window.history.pushState(null, "", href(next));
  /** Past the last dimension, a row leads to its events. */
  const drillHref = (key: string) => {
    const next = drillDown(selection, key);
    return next ? href(next) : eventsLogHref({ ...selection, filters: { ...selection.filters, [selection.groupBy]: key } });
  };

  return (
    <>
      <ExploreControls selection={selection} onChange={navigate} />
      {current.error ? (
        <QueryError what="spend" error={current.error} onRetry={() => current.refetch()} />
      ) : !current.data || !chart ? (
        <LoadingBlock what="spend" />
      ) : (
        <>
          <section className="card" aria-label="Spend over time">
            {current.isFetching && (
              <p className="muted" role="status">
                Updating…
              </p>
            )}
            <SpendChart
              chart={chart}
              kind={selection.chart}
              title={`Spend by ${selection.groupBy}, per ${selection.interval}: ${formatMoney(chart.totalUsd)}`}
              description={`${current.data.from.slice(0, 10)} to ${current.data.to.slice(0, 10)} (buckets in ${current.data.timeZone}); the ${chart.series.length} largest keys, the rest as Other.`}
            />
          </section>
          {!chart.empty && (
            <section className="card" aria-labelledby="explore-table-heading">
              <div className="explore-actions">
                <h2 id="explore-table-heading">Spend by {selection.groupBy}</h2>
                <Link className="btn" href={eventsLogHref(selection)}>
                  View events
                </Link>
                <ExportCsvButton url={`/api/v1/spend/export?${spendSearch(params.current)}`} />
              </div>
              {previous.error && <p className="error-text">The previous period could not be loaded: no change is shown.</p>}
              <SpendTable
                rows={chart.rows}
                caption={`Spend by ${selection.groupBy}`}
                drillHref={drillHref}
                pageHref={isEntityDimension(groupBy) ? (key) => entityHref(groupBy, key) : undefined}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}

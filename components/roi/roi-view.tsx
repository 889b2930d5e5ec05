"use client";

import { useId, useMemo, useState } from "react";
import { RoiOverTimeChart } from "@/components/charts/roi-over-time-chart";
import { RoiScatterChart } from "@/components/charts/roi-scatter-chart";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { prepareRoiModels } from "@/lib/charts/prepare-roi-models";
import { prepareRoiOverTime } from "@/lib/charts/prepare-roi-over-time";
import { prepareRoiRanking } from "@/lib/charts/prepare-roi-ranking";
import { prepareRoiScatter } from "@/lib/charts/prepare-roi-scatter";
import { useRoi } from "@/lib/queries/roi";
import { RoiGroupBy } from "@/lib/schemas/roi";
import { RoiHelp } from "./roi-help";
import { RoiModelComparison } from "./roi-model-comparison";
import { featureParams, intervalFor, RANGE_DAYS, type RangeDays, rankingParams, type RoiSelection } from "./roi-params";
import { RoiRankingTable } from "./roi-ranking-table";
import { RoiSummary } from "./roi-summary";

export function RoiView({ initial }: { initial: RoiSelection }) {
  const [selection, setSelection] = useState<RoiSelection>(initial);
  const rankingQuery = useRoi(rankingParams(selection));
  const featureQuery = useRoi(featureParams(selection));
  const ids = { range: useId(), group: useId() };

  const ranking = useMemo(() => (rankingQuery.data ? prepareRoiRanking(rankingQuery.data) : null), [rankingQuery.data]);
  const overTime = useMemo(
    () => (rankingQuery.data?.series ? prepareRoiOverTime(rankingQuery.data.series, rankingQuery.data.interval ?? intervalFor(selection.days), rankingQuery.data.timeZone) : null),
    [rankingQuery.data, selection.days],
  );
  const scatter = useMemo(() => (featureQuery.data ? prepareRoiScatter(featureQuery.data.rows) : null), [featureQuery.data]);
  const models = useMemo(() => (featureQuery.data ? prepareRoiModels(featureQuery.data.rows) : null), [featureQuery.data]);

  return (
    <>
      <form className="card roi-controls" aria-label="ROI selection" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.range}>Range</label>
          <select id={ids.range} value={selection.days} onChange={(e) => setSelection((s) => ({ ...s, days: Number(e.target.value) as RangeDays }))}>
            {RANGE_DAYS.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.group}>Group by</label>
          <select id={ids.group} value={selection.groupBy} onChange={(e) => setSelection((s) => ({ ...s, groupBy: RoiGroupBy.parse(e.target.value) }))}>
            <option value="feature">Feature</option>
            <option value="team">Team</option>
            <option value="model">Model</option>
          </select>
        </div>
        {(rankingQuery.isFetching || featureQuery.isFetching) && (
          <p className="muted" role="status">
            Updating…
          </p>
        )}
      </form>

      <RoiHelp />

      {rankingQuery.error ? (
        <QueryError what="ROI" error={rankingQuery.error} onRetry={() => rankingQuery.refetch()} />
      ) : !rankingQuery.data || !ranking ? (
        <LoadingBlock what="ROI" />
      ) : (
        <>
          <RoiSummary totals={rankingQuery.data.totals} />
          <section className="card" aria-labelledby="roi-ranking-heading">
            <h2 id="roi-ranking-heading">Ranked by ROI</h2>
            <RoiRankingTable ranking={ranking} groupBy={rankingQuery.data.groupBy} />
          </section>
          {overTime && (
            <section className="card" aria-label="ROI over time">
              <RoiOverTimeChart chart={overTime} title="ROI over time" description="(value − cost) / cost per period; gaps where there was no cost or no known value." />
            </section>
          )}
        </>
      )}

      {featureQuery.error ? (
        <QueryError what="ROI by feature" error={featureQuery.error} onRetry={() => featureQuery.refetch()} />
      ) : !scatter || !models ? (
        <LoadingBlock what="ROI by feature" />
      ) : (
        <>
          <section className="card" aria-label="Cost and value per outcome">
            <RoiScatterChart
              chart={scatter}
              title="Cost per outcome against value per outcome, by feature"
              description="Features above the dashed break-even line earn more per outcome than they cost; both axes are logarithmic."
            />
          </section>
          <section className="card" aria-labelledby="roi-models-heading">
            <h2 id="roi-models-heading">Models per feature: cost per outcome</h2>
            <RoiModelComparison models={models} />
          </section>
        </>
      )}
    </>
  );
}

import { listBudgets } from "@/lib/budgets/list-budgets";
import { forecastPeriodEnd } from "@/lib/budgets/forecast-period-end";
import { formatUsd, parseUsd } from "@/lib/money";
import type { GetSpendResponse, SpendGroupBy, SpendInterval } from "@/lib/schemas/spend";
import { FORECAST_METHOD, forecastMonthEnd } from "./forecast-month-end";
import { getOverviewExtras } from "./get-overview-extras";
import { getSpendSeries } from "./get-spend-series";
import { overviewPeriods } from "./overview-periods";
import { rankSpend, type RankedSpend } from "./rank-spend";

const TOP = 5;

export type Overview = {
  timeZone: string;
  monthStart: string;
  asOf: string;
  costUsd: string;
  previousUsd: string;
  changePct: number | null;
  forecastUsd: string | null;
  forecastMethod: string;
  inputTokens: number;
  outputTokens: number;
  events: number;
  savedUsd: string;
  unpricedEvents: number;
  unreviewedUsd: string;
  /** One point per local day of the last 90 (today last, partial), zero-filled. */
  daily: { date: string; costUsd: string }[];
  top: Record<"team" | "model" | "feature", RankedSpend[]>;
  movers: Record<"team" | "model" | "feature", RankedSpend[]>;
  teams: { slug: string; name: string; unreviewed: boolean }[];
  budgets: { id: string; name: string; scope: string; period: string; limitUsd: string; spentUsd: string; forecastUsd: string | null; status: "ok" | "warning" | "over" }[];
};

const costByKey = (res: GetSpendResponse) => new Map(res.series.map((s) => [s.key ?? "", s.points.reduce((a, p) => a + parseUsd(p.costUsd), 0n)]));

/**
 * The Overview of the current month in the organisation's time zone, exact
 * to the nano-dollar, for the caller's team scope (`teamIds`, null = every
 * team). Spend comes from getSpendSeries (the coarsest rollup grain that fits);
 * the month-end forecast from forecast-month-end.ts (method in FORECAST_METHOD);
 * budgets from listBudgets with the linear run-rate forecast of each period.
 */
export async function getOverview(input: { orgId: string; teamIds: string[] | null; timeZone: string; now?: Date }): Promise<Overview> {
  const now = input.now ?? new Date();
  const { orgId, teamIds } = input;
  const p = overviewPeriods(now, input.timeZone);
  const spend = (groupBy: SpendGroupBy, from: Date, to: Date, interval: SpendInterval = "month") =>
    getSpendSeries({ orgId, teamIds, query: { groupBy, interval, from, to } });
  const dims = ["team", "model", "feature"] as const;
  const [current, previous, daily, extras, budgets] = await Promise.all([
    Promise.all(dims.map((d) => spend(d, p.monthStart, now))),
    Promise.all(dims.map((d) => spend(d, p.previous.from, p.previous.to))),
    spend("team", p.days[0].start, now, "day"),
    getOverviewExtras({ orgId, teamIds, from: p.monthStart }),
    listBudgets({ orgId, teamIds, timeZone: input.timeZone, now }),
  ]);

  const dayIndex = new Map(p.days.map((d, i) => [d.start.getTime(), i]));
  const perDay = p.days.map(() => 0n);
  for (const series of daily.series) {
    for (const point of series.points) {
      const i = dayIndex.get(new Date(point.t).getTime());
      if (i !== undefined) perDay[i] += parseUsd(point.costUsd);
    }
  }
  const spent = parseUsd(current[0].totals.costUsd);
  const before = parseUsd(previous[0].totals.costUsd);
  const history = p.days.slice(0, -1).map((d, i) => ({ weekday: d.weekday, costNanos: perDay[i] }));
  const forecast = forecastMonthEnd({ spentNanos: spent, history, remaining: p.remainingWeekdays, todayLeft: p.todayLeft });
  const ranked = dims.map((d, i) => rankSpend({ current: costByKey(current[i]), previous: costByKey(previous[i]), limit: TOP }));

  return {
    timeZone: input.timeZone,
    monthStart: p.monthStart.toISOString(),
    asOf: now.toISOString(),
    costUsd: formatUsd(spent),
    previousUsd: formatUsd(before),
    changePct: before === 0n ? null : Number(((spent - before) * 10_000n) / before) / 100,
    forecastUsd: forecast === null ? null : formatUsd(forecast),
    forecastMethod: FORECAST_METHOD,
    inputTokens: current[0].totals.inputTokens,
    outputTokens: current[0].totals.outputTokens,
    events: current[0].totals.events,
    savedUsd: extras.savedUsd,
    unpricedEvents: extras.unpricedEvents,
    unreviewedUsd: extras.unreviewedUsd,
    daily: p.days.map((d, i) => ({ date: d.date, costUsd: formatUsd(perDay[i]) })),
    top: { team: ranked[0].top, model: ranked[1].top, feature: ranked[2].top },
    movers: { team: ranked[0].movers, model: ranked[1].movers, feature: ranked[2].movers },
    teams: extras.teams.map(({ slug, name, unreviewed }) => ({ slug, name, unreviewed })),
    budgets: budgets.map((b) => {
      const period = { start: new Date(b.current.periodStart), end: new Date(b.current.periodEnd) };
      const budgetForecast = forecastPeriodEnd({ spentNanos: parseUsd(b.current.spentUsd), periodStart: period.start, periodEnd: period.end, now });
      return {
        id: b.id,
        name: b.name,
        scope: b.scope.value ? `${b.scope.type}: ${b.scope.value}` : b.scope.type,
        period: b.period,
        limitUsd: b.limitUsd,
        spentUsd: b.current.spentUsd,
        forecastUsd: budgetForecast === null ? null : formatUsd(budgetForecast),
        status: b.current.status,
      };
    }),
  };
}

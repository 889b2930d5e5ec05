// Every detector over one scope and range: reads the daily rollups once
// (with the history the baselines need), a bounded raw window for traces and
// prompts, and the organisation's governance; returns the findings ranked by
// dollars, most valuable first.
import { getOrgContext } from "@/lib/org/org-context";
import { ANOMALY, detectAnomalies } from "./detect-anomalies";
import { detectPromptBloat, PROMPT_BLOAT } from "./detect-prompt-bloat";
import { detectRedundancy } from "./detect-redundancy";
import { type Candidate, detectRightSizing } from "./detect-right-sizing";
import { detectRunawayAgents } from "./detect-runaway-agents";
import { detectUnbudgeted } from "./detect-unbudgeted";
import { detailWindow, loadKeySpend, loadPromptRepeats, loadTraceTotals } from "./load-detail-window";
import { loadDayCells } from "./load-day-cells";
import { loadCostPerOutcome } from "./load-cost-per-outcome";
import { loadGovernance } from "./load-governance";
import { ROUTINE_MODELS } from "./routine-models";
import { rankDollars } from "./to-insight-dto";
import { DAY_MS, type Insight, type Window } from "./types";

export type DetectedInsights = { insights: Insight[]; detail: Window };

const floorDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

export async function detectInsights(input: { orgId: string; teamIds: string[] | null; from: Date; to: Date }): Promise<DetectedInsights> {
  const { orgId, teamIds } = input;
  const range: Window = { from: input.from.getTime(), to: input.to.getTime() };
  const historyFrom = floorDay(Math.min(range.from - ANOMALY.baselineDays * DAY_MS, range.to - PROMPT_BLOAT.weeks * 7 * DAY_MS));
  const [cells, governance, org] = await Promise.all([
    loadDayCells({ orgId, teamIds, from: new Date(historyFrom), to: input.to }),
    loadGovernance({ orgId, teamIds }),
    getOrgContext(orgId),
  ]);
  const inRange = cells.filter((c) => c.day >= floorDay(range.from));
  const detail = detailWindow(range, inRange);
  const detailCells = inRange.filter((c) => c.day >= floorDay(detail.from));
  const detailEvents = detailCells.reduce((n, c) => n + c.events, 0);
  const scope = { orgId, teamIds, window: detail };
  const rangeEvents = inRange.reduce((n, c) => n + c.events, 0);
  const [traces, repeats, keySpend, costPerOutcome] = await Promise.all([
    loadTraceTotals(scope),
    loadPromptRepeats({ ...scope, events: detailEvents }),
    loadKeySpend({ ...scope, keyIds: governance.ownerlessKeys.map((k) => k.id) }),
    loadCostPerOutcome({ orgId, teamIds, from: input.from, to: input.to, events: rangeEvents }),
  ]);

  const at = input.to;
  const priceOf = (provider: string, model: string) => org.priceBook.resolve({ provider, model, at });
  const candidates: Candidate[] = ROUTINE_MODELS.flatMap((c) => {
    const price = priceOf(c.provider, c.model);
    return price ? [{ ...c, price }] : [];
  });
  const insights = [
    ...detectRightSizing({ cells: inRange, window: range, priceOf, candidates, costPerOutcome }),
    ...detectRedundancy({ repeats, window: detail, cells: detailCells, priceOf }),
    ...detectRunawayAgents({ traces, window: detail }),
    ...detectAnomalies({ cells, window: range }),
    ...detectPromptBloat({ cells, window: range, priceOf }),
    ...detectUnbudgeted({
      cells: inRange,
      window: range,
      ...governance,
      ownerlessKeys: governance.ownerlessKeys.map((k) => ({ ...k, cost: keySpend.get(k.id) ?? 0n })),
      keyWindow: detail,
    }),
  ];
  insights.sort((a, b) => {
    const [x, y] = [rankDollars(a), rankDollars(b)];
    return x > y ? -1 : x < y ? 1 : a.id.localeCompare(b.id);
  });
  return { insights, detail };
}

import { formatUsd } from "@/lib/money";
import type { InsightDto } from "@/lib/schemas/insights";
import type { Insight } from "./types";

/** The dollars an insight is ranked by: its monthly savings, else what is at stake. */
export const rankDollars = (i: Insight) => i.monthlySavings ?? i.atStake;

export function toInsightDto(i: Insight): InsightDto {
  return {
    id: i.id,
    kind: i.kind,
    team: i.team,
    ...(i.feature !== undefined && { feature: i.feature }),
    ...(i.model !== undefined && { model: i.model }),
    ...(i.traceId !== undefined && { traceId: i.traceId }),
    title: i.title,
    message: i.message,
    ...(i.monthlySavings !== undefined && { monthlySavingsUsd: formatUsd(i.monthlySavings) }),
    usdAtStake: formatUsd(i.atStake),
    evidence: i.evidence,
    ...(i.action && { action: i.action }),
  };
}

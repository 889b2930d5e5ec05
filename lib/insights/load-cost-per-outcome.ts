// Cost per outcome of each model on each feature, from the ROI module, for
// the right-sizing comparison. ROI attributes outcomes through traces and
// raw events, seconds on millions of events, so it is asked only while the
// range holds at most ROI_MAX_EVENTS calls; above that the comparison is
// left out (the insight says so by a null).
import { parseUsd } from "@/lib/money";
import { getRoi } from "@/lib/roi/get-roi";
import { GetRoiQuery } from "@/lib/schemas/roi";

export const ROI_MAX_EVENTS = 100_000;

export type CostPerOutcome = (feature: string, model: string) => bigint | null;

export async function loadCostPerOutcome(input: { orgId: string; teamIds: string[] | null; from: Date; to: Date; events: number }): Promise<CostPerOutcome | undefined> {
  if (input.events > ROI_MAX_EVENTS) return undefined;
  const query = GetRoiQuery.parse({ from: input.from.toISOString(), to: input.to.toISOString(), groupBy: "feature", breakdown: "model" });
  const { rows } = await getRoi({ orgId: input.orgId, teamIds: input.teamIds, query });
  const costs = new Map<string, bigint>();
  for (const row of rows) {
    for (const m of row.models ?? []) {
      if (row.key !== null && m.key !== null && m.costPerOutcome !== null) costs.set(`${row.key}\u0000${m.key}`, parseUsd(m.costPerOutcome));
    }
  }
  return (feature, model) => costs.get(`${feature}\u0000${model}`) ?? null;
}

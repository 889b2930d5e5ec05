import { prepareSpendSeries } from "@/lib/charts/prepare-spend-series";
import { csvRow } from "@/lib/csv";
import type { GetSpendQuery } from "@/lib/schemas/spend";
import { getSpendSeries } from "./get-spend-series";

/**
 * The Explore table of a spend query as CSV: every key with its spend, share,
 * change against the previous period of equal length, tokens, requests and
 * cost per 1K requests. Money as exact 9-place decimals; an undefined ratio
 * is an empty field, not 0.
 */
export async function spendTableCsv(input: { orgId: string; teamIds: string[] | null; query: GetSpendQuery }): Promise<string> {
  const { query } = input;
  const length = query.to.getTime() - query.from.getTime();
  const [current, previous] = await Promise.all([
    getSpendSeries(input),
    getSpendSeries({ ...input, query: { ...query, from: new Date(query.from.getTime() - length), to: query.from } }),
  ]);
  const { rows } = prepareSpendSeries({ current, previous });
  const header = csvRow([query.groupBy, "spend_usd", "share_pct", "change_pct", "tokens", "requests", "cost_per_1k_requests_usd"]);
  return header + rows.map((r) => csvRow([r.key, r.costUsd, r.share, r.change, r.tokens, r.requests, r.costPer1kRequestsUsd])).join("");
}

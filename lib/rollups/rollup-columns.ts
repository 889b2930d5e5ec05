// The columns every rollup table shares (DESIGN.md 6): a key of UTC bucket
// and dimensions, and additive measures. Rollups only ever grow by adding
// measures to a key, so rows are summed whatever order they arrive in.

/** The key of the hourly and daily rollups (the customer rollup adds customer_id after bucket). */
export const ROLLUP_KEY = ["org_id", "bucket", "team_id", "feature", "provider", "model"] as const;

export const MEASURES = [
  "events", "error_events", "cache_hits", "unpriced_events", "input_tokens", "output_tokens", "cached_input_tokens",
  "cache_write_tokens", "reasoning_tokens", "cost_usd", "saved_usd", "value_usd", "latency_ms_sum",
] as const;

/** Each measure summed over usage_events rows, named as the rollup column. */
export const MEASURES_OF_EVENTS = [
  "count(*)", "count(*) FILTER (WHERE status = 'error')", "count(*) FILTER (WHERE cache_hit)", "count(*) FILTER (WHERE unpriced)",
  "sum(input_tokens)", "sum(output_tokens)", "sum(cached_input_tokens)", "sum(cache_write_tokens)", "sum(reasoning_tokens)",
  "sum(cost_usd)", "sum(saved_usd)", "coalesce(sum(value_usd), 0)", "coalesce(sum(latency_ms), 0)",
].map((expr, i) => `${expr} AS ${MEASURES[i]}`);

/** Each measure summed over rows that already have the rollup's columns. */
export const SUMMED_MEASURES = MEASURES.map((m) => `sum(${m}) AS ${m}`);

/**
 * Adds `rows` (a SELECT of key columns then every measure) to `table`:
 * INSERT … ON CONFLICT DO UPDATE in key order, so writers that share rows
 * lock them in the same order.
 */
export function addToRollup(table: string, key: readonly string[], rows: string): string {
  return `INSERT INTO ${table} AS r (${key.join(", ")}, ${MEASURES.join(", ")})
    ${rows} ORDER BY ${key.map((_, i) => i + 1).join(", ")}
    ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(", ")}`;
}

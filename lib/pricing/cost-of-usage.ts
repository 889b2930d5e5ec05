import { tokenCost } from "@/lib/money";
import type { ModelPrice, Usage } from "@/lib/pricing/types";

/**
 * Exact cost of one call in nano-dollars. Each token is priced once:
 * - inputTokens includes cache reads and writes, so the uncached input is
 *   inputTokens − cachedInputTokens − cacheWriteTokens (never below 0), at
 *   the input price;
 * - cache reads at cachedInputPerMTok, cache writes at cacheWritePerMTok,
 *   each at the input price when the model has no separate price;
 * - outputTokens includes reasoning: all output at the output price when
 *   reasoningPerMTok is null, else (outputTokens − reasoningTokens, never
 *   below 0) at the output price and reasoningTokens at the reasoning price.
 * The products are summed exactly and rounded once to the nano-dollar.
 */
export function costOfUsage(usage: Usage, price: ModelPrice): bigint {
  const uncached = Math.max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens);
  const buckets: Array<[number, bigint]> = [
    [uncached, price.inputPerMTok],
    [usage.cachedInputTokens, price.cachedInputPerMTok ?? price.inputPerMTok],
    [usage.cacheWriteTokens, price.cacheWritePerMTok ?? price.inputPerMTok],
  ];
  if (price.reasoningPerMTok === null) {
    buckets.push([usage.outputTokens, price.outputPerMTok]);
  } else {
    buckets.push([Math.max(0, usage.outputTokens - usage.reasoningTokens), price.outputPerMTok]);
    buckets.push([usage.reasoningTokens, price.reasoningPerMTok]);
  }
  return tokenCost(buckets);
}

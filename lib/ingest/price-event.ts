import { formatUsd } from "@/lib/money";
import { costOfUsage } from "@/lib/pricing/cost-of-usage";
import type { PriceBook } from "@/lib/pricing/price-book";
import type { ModelPrice, Usage } from "@/lib/pricing/types";

export type PricedCost = {
  costUsd: string;
  savedUsd: string;
  /** catalog | override | client | cache_hit | unpriced */
  costSource: string;
  unpriced: boolean;
  pricedModel: string | null;
};

type PriceInput = { provider: string; model: string; at: Date; usage: Usage; costUsd?: string; cacheHit: boolean };

const ZERO = "0.000000000";

/**
 * The cost of one event. An application cache hit costs nothing and saves
 * the list price; a client-sent cost wins over the catalog; a model without
 * a price is flagged unpriced (its cost is unknown, not zero).
 */
export type PriceResolver = (provider: string, model: string, at: Date) => ModelPrice | null;

export function priceEvent(input: PriceInput, resolve: PriceResolver): PricedCost {
  const price = resolve(input.provider, input.model, input.at);
  const listCost = price ? formatUsd(costOfUsage(input.usage, price)) : null;
  const pricedModel = price?.model ?? null;
  if (input.cacheHit) return { costUsd: ZERO, savedUsd: listCost ?? ZERO, costSource: "cache_hit", unpriced: false, pricedModel };
  if (input.costUsd !== undefined) return { costUsd: input.costUsd, savedUsd: ZERO, costSource: "client", unpriced: false, pricedModel };
  if (listCost === null) return { costUsd: ZERO, savedUsd: ZERO, costSource: "unpriced", unpriced: true, pricedModel: null };
  return { costUsd: listCost, savedUsd: ZERO, costSource: price!.source, unpriced: false, pricedModel };
}

/**
 * Memoises price lookups per (provider, model), as most events share a model.
 * A price is kept with the span in which the book's answer cannot change
 * (PriceBook.unchangedAround), not per minute or second: an override may
 * start at any millisecond, and an event just before it keeps the old price.
 */
export function memoResolver(book: PriceBook): PriceResolver {
  const memo = new Map<string, { price: ModelPrice | null; from: number; until: number }>();
  return (provider, model, at) => {
    const key = `${provider}\u0000${model}`;
    const t = at.getTime();
    const kept = memo.get(key);
    if (kept && kept.from <= t && t < kept.until) return kept.price;
    const price = book.resolve({ provider: provider === "unknown" ? null : provider, model, at });
    memo.set(key, { price, ...book.unchangedAround(at) });
    return price;
  };
}

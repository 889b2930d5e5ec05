// Shapes shared by the price catalog, the pricer and its callers (ingest,
// seed, policy estimates). Prices are nano-dollars per million tokens.

/** Normalised usage of one call (API.md): inputTokens counts all input,
 * cached reads and cache writes included; outputTokens includes reasoning. */
export type Usage = {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
};

export type ModelPrice = {
  provider: string;
  /** The catalog model the price belongs to (aliases resolved). */
  model: string;
  effectiveFrom: Date;
  inputPerMTok: bigint;
  outputPerMTok: bigint;
  /** null: the model has no separate price; the bucket is charged as input. */
  cachedInputPerMTok: bigint | null;
  cacheWritePerMTok: bigint | null;
  /** null: reasoning is charged as output (the usual case). */
  reasoningPerMTok: bigint | null;
  source: "catalog" | "override";
};

export type PriceQuery = { provider?: string | null; model: string; at: Date };

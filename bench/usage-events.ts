// Realistic, varied usage events for load: the demo features with their
// teams and priced models, provider prompt caching, reasoning tokens, agent
// traces, errors, application cache hits, and an id unique per run.
// Timestamps fall within the last BENCH_SPREAD_HOURS (default 48): the wider
// the spread, the more rollup rows each batch updates.
import { DEMO_FEATURES, DEMO_MODELS } from "@/lib/seed/demo-catalog";

const SPREAD_MS = Number(process.env.BENCH_SPREAD_HOURS ?? 48) * 3600_000;
const REGIONS = ["eu-west-1", "us-east-1", "ap-south-1"];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

function around(mean: number): number {
  return Math.max(1, Math.round(mean * (0.3 + Math.random() * 1.4)));
}

type Usage = { inputTokens: number; outputTokens: number; cachedInputTokens: number; cacheWriteTokens: number; reasoningTokens: number };

/** Usage as the provider's SDK reports it, for some events (API.md accepts both). */
function providerShaped(provider: string, u: Usage): Record<string, unknown> {
  if (provider === "anthropic") {
    const uncached = u.inputTokens - u.cachedInputTokens - u.cacheWriteTokens;
    return { input_tokens: uncached, output_tokens: u.outputTokens, cache_read_input_tokens: u.cachedInputTokens, cache_creation_input_tokens: u.cacheWriteTokens };
  }
  if (provider === "openai" && Math.random() < 0.5) {
    return {
      prompt_tokens: u.inputTokens,
      completion_tokens: u.outputTokens,
      prompt_tokens_details: { cached_tokens: u.cachedInputTokens },
      completion_tokens_details: { reasoning_tokens: u.reasoningTokens },
    };
  }
  return u;
}

/** The n-th event of run `runId`. */
export function usageEvent(runId: string, n: number, now = Date.now()): Record<string, unknown> {
  const feature = pick(DEMO_FEATURES);
  const spec = DEMO_MODELS[pick(feature.models)[0]];
  const inputTokens = around(feature.inputTokens);
  const outputTokens = around(feature.outputTokens);
  const cached = spec.promptCache !== "none" && Math.random() < 0.6;
  const usage: Usage = {
    inputTokens,
    outputTokens,
    cachedInputTokens: cached ? Math.floor(inputTokens * feature.cachablePrefix * Math.random()) : 0,
    cacheWriteTokens: spec.promptCache === "read-write" && Math.random() < 0.1 ? Math.floor(inputTokens * 0.2) : 0,
    reasoningTokens: spec.reasoning ? Math.floor(outputTokens * Math.random() * 0.6) : 0,
  };
  return {
    id: `${runId}-${n}`,
    timestamp: new Date(now - Math.random() * SPREAD_MS).toISOString(),
    team: feature.team,
    feature: feature.slug,
    provider: spec.provider,
    model: spec.model,
    usage: providerShaped(spec.provider, usage),
    latencyMs: Math.round(spec.baseLatencyMs + spec.msPerOutputToken * outputTokens),
    status: Math.random() < feature.errorRate ? "error" : "success",
    cacheHit: Math.random() < feature.appCacheRate * 0.1,
    ...("steps" in feature ? { traceId: `${runId}-trace-${Math.floor(n / 4)}` } : {}),
    ...(feature.audience === "customer" ? { customerId: `cust-${Math.floor(Math.random() * 500)}` } : {}),
    ...(Math.random() < 0.3 ? { metadata: { region: pick(REGIONS) } } : {}),
  };
}

/** The JSON body of one batch: events first..first+count-1 of the run. */
export function batchBody(runId: string, first: number, count: number): string {
  const events = Array.from({ length: count }, (_, i) => usageEvent(runId, first + i));
  return JSON.stringify({ events });
}

// One synthetic LLM call of a demo feature: token sizes, provider prompt
// caching, application cache hits, repeated prompts, errors and latency.
import type { Usage } from "@/lib/pricing/types";
import { DEMO_CUSTOMERS, DEMO_EMPLOYEES, DEMO_MODELS, RUNAWAY, type DemoModel, type FeatureSpec } from "./demo-catalog";
import { aroundMedian, cumulate, hash64, pickWeighted, randomInt, type Random } from "./prng";
import type { UsageRow } from "./rows";

/** Stays below the long-context price tiers (200k tokens) of some models. */
const MAX_INPUT_TOKENS = 190_000;
/** OpenAI caches prompt prefixes of 1,024 tokens or more only. */
const OPENAI_MIN_CACHED_PROMPT = 1024;
const POPULAR_PROMPTS = 40;

export type Attribution = { traceId: string | null; customerId: string | null; userId: string | null };

const customerWeights = cumulate(DEMO_CUSTOMERS.map((_, i) => 1 / (i + 1) ** 1.1));

export class CallSynthesizer {
  private promptSerial = 0;

  constructor(
    private readonly random: Random,
    private readonly seedMix: number,
  ) {}

  attribution(feature: FeatureSpec, traceId: string | null): Attribution {
    const r = this.random;
    return {
      traceId,
      customerId: feature.audience === "customer" ? DEMO_CUSTOMERS[pickWeighted(r, customerWeights)] : null,
      userId: feature.audience === "employee" ? DEMO_EMPLOYEES[randomInt(r, 0, DEMO_EMPLOYEES.length - 1)] : null,
    };
  }

  /**
   * `step` is the position in an agent trace (0 for single calls): context
   * grows with it. The id is assigned once the hour's rows are in time order.
   */
  call(feature: FeatureSpec, featureIndex: number, model: DemoModel, who: Attribution, step: number, tsMs: number): UsageRow {
    const r = this.random;
    const repeated = r() < feature.duplicateRate;
    const promptHash = repeated
      ? hash64(Math.floor(POPULAR_PROMPTS * r() ** 2) ^ this.seedMix, 0x8000_0000 | featureIndex)
      : this.uniquePrompt(featureIndex);
    const usage = emptyUsage();
    const row = this.row(feature, model, who, tsMs, usage, promptHash);
    if (r() < feature.errorRate) {
      row.latencyMs = aroundMedian(r, 900, 1);
      row.status = "error";
      return row;
    }
    const visible = aroundMedian(r, feature.outputTokens, 0.6);
    usage.inputTokens = Math.min(MAX_INPUT_TOKENS, aroundMedian(r, feature.inputTokens * (1 + 0.3 * step)));
    usage.reasoningTokens = model.reasoning ? aroundMedian(r, visible * 2, 0.7) : 0;
    usage.outputTokens = visible + usage.reasoningTokens;
    if (repeated && r() < feature.appCacheRate) {
      row.latencyMs = aroundMedian(r, 15, 0.4);
      row.cacheHit = true;
      return row;
    }
    this.applyPromptCache(usage, feature, model, step);
    row.latencyMs = aroundMedian(r, model.baseLatencyMs, 0.35) + model.msPerOutputToken * usage.outputTokens;
    return row;
  }

  /** A step of the runaway agent: the context keeps growing, nothing is cached. */
  runawayStep(feature: FeatureSpec, featureIndex: number, step: number, traceId: string, tsMs: number): UsageRow {
    const r = this.random;
    const model: DemoModel = DEMO_MODELS[RUNAWAY.model];
    const usage = emptyUsage();
    usage.inputTokens = Math.min(MAX_INPUT_TOKENS, 12_000 + step * 280 + randomInt(r, 0, 2000));
    usage.outputTokens = aroundMedian(r, 500, 0.4);
    const who = { traceId, customerId: null, userId: DEMO_EMPLOYEES[0] };
    const row = this.row(feature, model, who, tsMs, usage, this.uniquePrompt(featureIndex));
    row.latencyMs = aroundMedian(r, model.baseLatencyMs, 0.35) + model.msPerOutputToken * usage.outputTokens;
    return row;
  }

  // one object shape for every row keeps the hot path monomorphic
  private row(feature: FeatureSpec, model: DemoModel, who: Attribution, tsMs: number, usage: Usage, promptHash: string): UsageRow {
    return {
      id: "",
      ts: new Date(tsMs),
      team: feature.team,
      feature: feature.slug,
      provider: model.provider,
      model: model.model,
      usage,
      latencyMs: 0,
      status: "success",
      cacheHit: false,
      traceId: who.traceId,
      promptHash,
      customerId: who.customerId,
      userId: who.userId,
    };
  }

  private uniquePrompt(featureIndex: number): string {
    return hash64(this.promptSerial++ ^ this.seedMix, featureIndex);
  }

  /** Anthropic writes the prefix on a trace's first step (and now and then); later calls read it. */
  private applyPromptCache(usage: Usage, feature: FeatureSpec, model: DemoModel, step: number): void {
    const r = this.random;
    const prefix = Math.floor(usage.inputTokens * feature.cachablePrefix);
    if (model.promptCache === "none" || prefix === 0) return;
    if (model.provider === "openai" && prefix < OPENAI_MIN_CACHED_PROMPT) return;
    if (model.promptCache === "read-write" && (step === 0 || r() < 0.15)) usage.cacheWriteTokens = prefix;
    else if (r() < 0.75) usage.cachedInputTokens = prefix;
  }
}

function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
}

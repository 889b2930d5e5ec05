// Reading the OpenTelemetry GenAI semantic conventions (DOMAIN.md) off span
// attributes: the current names first, then the older ones still emitted by
// instrumentations.
import type { OtlpAttributes, OtlpValue } from "./decode-export-trace-request";

export const MODEL_KEYS = ["gen_ai.response.model", "gen_ai.request.model", "ai.model.id"];
const PROVIDER_KEYS = ["gen_ai.provider.name", "gen_ai.system"];

const TOKEN_KEYS = {
  input: ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"],
  output: ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"],
  cacheRead: ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"],
  cacheWrite: ["gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens"],
  reasoning: ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"],
};
const COST_KEY = "gen_ai.usage.cost";
const TOKEN_KEY_LIST = Object.values(TOKEN_KEYS).flat();
export const USAGE_KEYS = [...TOKEN_KEY_LIST, COST_KEY];

/** OpenTelemetry provider names (current and older `gen_ai.system` values), and the vendor prefixes of dotted names such as `openai.chat` (Vercel AI SDK), mapped to price book providers. */
const PROVIDERS: Record<string, string> = {
  "aws.bedrock": "aws", "az.ai.inference": "azure", "az.ai.openai": "azure", "azure.ai.inference": "azure", "azure.ai.openai": "azure",
  "gcp.gemini": "google", "gcp.gen_ai": "google", "gcp.vertex_ai": "google", vertex_ai: "google", gemini: "google",
  mistral_ai: "mistral", x_ai: "x-ai", xai: "x-ai",
  openai: "openai", anthropic: "anthropic", google: "google", gcp: "google", azure: "azure", az: "azure", aws: "aws",
  bedrock: "aws", "amazon-bedrock": "aws", mistral: "mistral", deepseek: "deepseek", cohere: "cohere", groq: "groq",
};

export type GenAiUsage = {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
};

/** Thrown for a GenAI span that cannot make an event; the span is rejected with its message. */
export class UnusableSpanError extends Error {}

export const hasAny = (attributes: OtlpAttributes, keys: readonly string[]) => keys.some((key) => Object.hasOwn(attributes, key));

/** The first of `keys` holding a non-empty string (numbers are turned into strings), else undefined. */
export function firstString(attributes: OtlpAttributes, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = attributes[key];
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    if (text) return text;
  }
  return undefined;
}

export const readModel = (attributes: OtlpAttributes) => firstString(attributes, MODEL_KEYS);

export function readProvider(attributes: OtlpAttributes): string | undefined {
  const name = firstString(attributes, PROVIDER_KEYS)?.toLowerCase();
  if (!name) return undefined;
  return PROVIDERS[name] ?? PROVIDERS[name.split(".")[0]] ?? name;
}

/** The first of `keys` holding a value (an empty AnyValue is null), 0 when none does. */
function readCount(attributes: OtlpAttributes, keys: readonly string[]): number {
  const key = keys.find((k) => attributes[k] !== undefined && attributes[k] !== null);
  if (key === undefined) return 0;
  const value: OtlpValue = attributes[key];
  const count = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof count === "number" && Number.isSafeInteger(count) && count >= 0) return count;
  throw new UnusableSpanError(`${key} must be a non-negative whole number, got ${JSON.stringify(value)}`);
}

/**
 * Token usage in our shape (API.md): inputTokens counts all input and
 * outputTokens includes reasoning, as the conventions say. Some
 * instrumentations (Anthropic's native buckets, Gemini's thoughts) report
 * them apart instead: when cache reads + writes exceed the input tokens, the
 * input is taken to exclude them and they are added to it; likewise
 * reasoning tokens exceeding the output tokens are added to it. When the
 * buckets are smaller, the span cannot tell the two readings apart and the
 * conventions' reading (included) is kept. Undefined without token attributes.
 */
export function readUsage(attributes: OtlpAttributes): GenAiUsage | undefined {
  if (!hasAny(attributes, TOKEN_KEY_LIST)) return undefined;
  const input = readCount(attributes, TOKEN_KEYS.input);
  const output = readCount(attributes, TOKEN_KEYS.output);
  const cachedInputTokens = readCount(attributes, TOKEN_KEYS.cacheRead);
  const cacheWriteTokens = readCount(attributes, TOKEN_KEYS.cacheWrite);
  const reasoningTokens = readCount(attributes, TOKEN_KEYS.reasoning);
  const cacheBuckets = cachedInputTokens + cacheWriteTokens;
  return {
    inputTokens: cacheBuckets > input ? input + cacheBuckets : input,
    outputTokens: reasoningTokens > output ? output + reasoningTokens : output,
    cachedInputTokens,
    cacheWriteTokens,
    reasoningTokens,
  };
}

/** `gen_ai.usage.cost` (a vendor extension, US dollars). Numbers become 9-place decimal strings; other values are passed on for the event schema to judge. */
export function readCost(attributes: OtlpAttributes): string | undefined {
  const value = attributes[COST_KEY];
  if (typeof value === "number") return Number.isFinite(value) ? value.toFixed(9) : String(value);
  return typeof value === "string" ? value.trim() : undefined;
}

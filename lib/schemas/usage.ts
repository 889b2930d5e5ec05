// The usage object of an event, in the three shapes services send (API.md):
// ours (camelCase), OpenAI's (chat completions and responses) and Anthropic's,
// all normalised to ours: inputTokens counts all input (cached reads and cache
// writes included), outputTokens includes reasoning tokens.
import { z } from "zod";
import { TokenCount } from "./common";

const Ours = z.object({
  inputTokens: TokenCount.default(0),
  outputTokens: TokenCount.default(0),
  cachedInputTokens: TokenCount.default(0),
  cacheWriteTokens: TokenCount.default(0),
  reasoningTokens: TokenCount.default(0),
});

const OpenAiChat = z.object({
  prompt_tokens: TokenCount.default(0),
  completion_tokens: TokenCount.default(0),
  prompt_tokens_details: z.object({ cached_tokens: TokenCount.nullish() }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: TokenCount.nullish() }).nullish(),
});

/** OpenAI Responses API: input_tokens already includes cached tokens. */
const OpenAiResponses = z.object({
  input_tokens: TokenCount.default(0),
  output_tokens: TokenCount.default(0),
  input_tokens_details: z.object({ cached_tokens: TokenCount.nullish() }).nullish(),
  output_tokens_details: z.object({ reasoning_tokens: TokenCount.nullish() }).nullish(),
});

/** Anthropic: input_tokens excludes the cache buckets, which are added up. */
const Anthropic = z.object({
  input_tokens: TokenCount.default(0),
  output_tokens: TokenCount.default(0),
  cache_read_input_tokens: TokenCount.nullish(),
  cache_creation_input_tokens: TokenCount.nullish(),
});

export type NormalizedUsage = z.output<typeof Ours>;

const INT_MAX = 2_147_483_647;

/** Each provider shape, recognised by its keys, mapped to ours. */
const SHAPES: { keys: string[]; schema: z.ZodType<NormalizedUsage> }[] = [
  {
    keys: ["prompt_tokens", "completion_tokens"],
    schema: OpenAiChat.transform((u) => ({
      inputTokens: u.prompt_tokens,
      outputTokens: u.completion_tokens,
      cachedInputTokens: u.prompt_tokens_details?.cached_tokens ?? 0,
      cacheWriteTokens: 0,
      reasoningTokens: u.completion_tokens_details?.reasoning_tokens ?? 0,
    })),
  },
  {
    keys: ["input_tokens_details", "output_tokens_details"],
    schema: OpenAiResponses.transform((u) => ({
      inputTokens: u.input_tokens,
      outputTokens: u.output_tokens,
      cachedInputTokens: u.input_tokens_details?.cached_tokens ?? 0,
      cacheWriteTokens: 0,
      reasoningTokens: u.output_tokens_details?.reasoning_tokens ?? 0,
    })),
  },
  {
    keys: ["input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"],
    schema: Anthropic.transform((u) => {
      const cached = u.cache_read_input_tokens ?? 0;
      const written = u.cache_creation_input_tokens ?? 0;
      return { inputTokens: Math.min(u.input_tokens + cached + written, INT_MAX), outputTokens: u.output_tokens, cachedInputTokens: cached, cacheWriteTokens: written, reasoningTokens: 0 };
    }),
  },
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const UsageInput = z.unknown().transform((value, ctx): NormalizedUsage => {
  if (!isObject(value)) {
    ctx.addIssue({ code: "custom", message: "must be an object of token counts" });
    return z.NEVER;
  }
  const shape = SHAPES.find((s) => s.keys.some((key) => Object.hasOwn(value, key)));
  const result = (shape?.schema ?? Ours).safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  const u = result.data;
  if (u.cachedInputTokens + u.cacheWriteTokens > u.inputTokens) {
    ctx.addIssue({ code: "custom", path: ["cachedInputTokens"], message: "cachedInputTokens + cacheWriteTokens must not exceed inputTokens (inputTokens counts all input)" });
  }
  if (u.reasoningTokens > u.outputTokens) {
    ctx.addIssue({ code: "custom", path: ["reasoningTokens"], message: "reasoningTokens must not exceed outputTokens (outputTokens includes reasoning)" });
  }
  return u;
});

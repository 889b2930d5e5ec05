// The usage object of an event, in the three shapes services send (API.md):
// ours (camelCase), OpenAI's (chat completions and responses) and Anthropic's,
// all normalised to ours: inputTokens counts all input (cached reads and cache
// writes included), outputTokens includes reasoning tokens.
import { z } from "zod";
import { compiled, TokenCount } from "./common";

const Ours = z.strictObject({
  inputTokens: TokenCount.default(0),
  outputTokens: TokenCount.default(0),
  cachedInputTokens: TokenCount.default(0),
  cacheWriteTokens: TokenCount.default(0),
  reasoningTokens: TokenCount.default(0),
});

/** Sent along by SDKs (total_tokens, the AI SDK's totalTokens) and not read: the buckets say it all. */
const Total = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative").nullish();

const OpenAiChat = z.strictObject({
  prompt_tokens: TokenCount.default(0),
  completion_tokens: TokenCount.default(0),
  total_tokens: Total,
  // detail objects: only the counts named are read (providers add others as they go)
  prompt_tokens_details: z.object({ cached_tokens: TokenCount.nullish() }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: TokenCount.nullish() }).nullish(),
});

/** OpenAI Responses API: input_tokens already includes cached tokens. */
const OpenAiResponses = z.strictObject({
  input_tokens: TokenCount.default(0),
  output_tokens: TokenCount.default(0),
  total_tokens: Total,
  input_tokens_details: z.object({ cached_tokens: TokenCount.nullish() }).nullish(),
  output_tokens_details: z.object({ reasoning_tokens: TokenCount.nullish() }).nullish(),
});

/** Anthropic: input_tokens excludes the cache buckets, which are added up. The other keys of its usage are not read. */
const Anthropic = z.strictObject({
  input_tokens: TokenCount.default(0),
  output_tokens: TokenCount.default(0),
  cache_read_input_tokens: TokenCount.nullish(),
  cache_creation_input_tokens: TokenCount.nullish(),
  cache_creation: z.object({}).nullish(),
  server_tool_use: z.object({}).nullish(),
  service_tier: z.string().nullish(),
});

export type NormalizedUsage = z.output<typeof Ours>;

const INT_MAX = 2_147_483_647;

/**
 * Each shape, recognised by keys only it has (`marks`; ours when none is
 * present), and mapped to ours. A usage object is exactly one shape: a key
 * of another one, or of none, is refused, never silently read as zero.
 * Anthropic's marks come before the Responses API's, whose keys it shares
 * (without their marks both read the same).
 */
type Shape = { name: string; marks: string[]; schema: z.ZodType<NormalizedUsage> };
const OURS: Shape = { name: "camelCase", marks: [], schema: compiled(Ours.extend({ totalTokens: Total }).transform(({ totalTokens: _, ...u }) => u)) };
const SHAPES: Shape[] = [
  {
    name: "OpenAI chat completions",
    marks: ["prompt_tokens", "completion_tokens", "prompt_tokens_details", "completion_tokens_details"],
    schema: compiled(OpenAiChat.transform((u) => ({
      inputTokens: u.prompt_tokens,
      outputTokens: u.completion_tokens,
      cachedInputTokens: u.prompt_tokens_details?.cached_tokens ?? 0,
      cacheWriteTokens: 0,
      reasoningTokens: u.completion_tokens_details?.reasoning_tokens ?? 0,
    }))),
  },
  {
    name: "Anthropic",
    marks: ["cache_read_input_tokens", "cache_creation_input_tokens", "cache_creation", "server_tool_use", "service_tier"],
    schema: compiled(Anthropic.transform((u) => {
      const cached = u.cache_read_input_tokens ?? 0;
      const written = u.cache_creation_input_tokens ?? 0;
      return { inputTokens: Math.min(u.input_tokens + cached + written, INT_MAX), outputTokens: u.output_tokens, cachedInputTokens: cached, cacheWriteTokens: written, reasoningTokens: 0 };
    })),
  },
  {
    name: "OpenAI responses",
    marks: ["input_tokens", "output_tokens", "input_tokens_details", "output_tokens_details"],
    schema: compiled(OpenAiResponses.transform((u) => ({
      inputTokens: u.input_tokens,
      outputTokens: u.output_tokens,
      cachedInputTokens: u.input_tokens_details?.cached_tokens ?? 0,
      cacheWriteTokens: 0,
      reasoningTokens: u.output_tokens_details?.reasoning_tokens ?? 0,
    }))),
  },
];

const ACCEPTED_SHAPES =
  "usage must be exactly one of: camelCase (inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, reasoningTokens), " +
  "OpenAI chat completions (prompt_tokens, completion_tokens, prompt_tokens_details, completion_tokens_details), " +
  "OpenAI responses (input_tokens, output_tokens, input_tokens_details, output_tokens_details) " +
  "or Anthropic (input_tokens, output_tokens, cache_read_input_tokens, cache_creation_input_tokens)";

function unknownKeyMessage(shape: Shape, value: Record<string, unknown>): string {
  const followsOurs = Object.keys(Ours.shape).some((key) => Object.hasOwn(value, key));
  const which = shape === OURS && !followsOurs ? "any accepted usage shape" : `the ${shape.name} usage shape, which the other keys follow`;
  return `is not a key of ${which}; ${ACCEPTED_SHAPES}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const UsageInput = z.unknown().transform((value, ctx): NormalizedUsage => {
  if (!isObject(value)) {
    ctx.addIssue({ code: "custom", message: "must be an object of token counts" });
    return z.NEVER;
  }
  const shape = SHAPES.find((s) => s.marks.some((key) => Object.hasOwn(value, key))) ?? OURS;
  const result = shape.schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) ctx.addIssue({ code: "custom", path: [...issue.path, key], message: unknownKeyMessage(shape, value) });
      } else ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
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

import { describe, expect, it } from "vitest";
import { UsageInput } from "./usage";

const zero = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

describe("UsageInput", () => {
  it.each([
    ["ours", { inputTokens: 2000, outputTokens: 500, cachedInputTokens: 1500, reasoningTokens: 100 }, { ...zero, inputTokens: 2000, outputTokens: 500, cachedInputTokens: 1500, reasoningTokens: 100 }],
    ["ours, defaults", { inputTokens: 10 }, { ...zero, inputTokens: 10 }],
    [
      "OpenAI chat completions",
      { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 256 } },
      { ...zero, inputTokens: 1200, outputTokens: 300, cachedInputTokens: 1024, reasoningTokens: 256 },
    ],
    ["OpenAI chat, null details", { prompt_tokens: 5, completion_tokens: 1, prompt_tokens_details: null }, { ...zero, inputTokens: 5, outputTokens: 1 }],
    [
      "OpenAI responses",
      { input_tokens: 900, output_tokens: 50, input_tokens_details: { cached_tokens: 800 }, output_tokens_details: { reasoning_tokens: 20 }, total_tokens: 950 },
      { ...zero, inputTokens: 900, outputTokens: 50, cachedInputTokens: 800, reasoningTokens: 20 },
    ],
    [
      "Anthropic: separate buckets are added up",
      { input_tokens: 100, output_tokens: 40, cache_read_input_tokens: 3000, cache_creation_input_tokens: 500 },
      { ...zero, inputTokens: 3600, outputTokens: 40, cachedInputTokens: 3000, cacheWriteTokens: 500 },
    ],
    ["Anthropic, null cache buckets", { input_tokens: 7, output_tokens: 3, cache_read_input_tokens: null }, { ...zero, inputTokens: 7, outputTokens: 3 }],
    [
      "Anthropic, as the Messages API sends it",
      {
        input_tokens: 10,
        output_tokens: 5,
        cache_creation_input_tokens: 200,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 200, ephemeral_1h_input_tokens: 0 },
        server_tool_use: { web_search_requests: 1 },
        service_tier: "standard",
      },
      { ...zero, inputTokens: 210, outputTokens: 5, cacheWriteTokens: 200 },
    ],
    ["input and output tokens alone (Anthropic or OpenAI responses: both read the same)", { input_tokens: 8, output_tokens: 2 }, { ...zero, inputTokens: 8, outputTokens: 2 }],
    ["OpenAI responses, total only", { input_tokens: 8, output_tokens: 2, total_tokens: 10 }, { ...zero, inputTokens: 8, outputTokens: 2 }],
    [
      "OpenAI chat, every detail the API sends",
      {
        prompt_tokens: 19,
        completion_tokens: 10,
        total_tokens: 29,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      { ...zero, inputTokens: 19, outputTokens: 10 },
    ],
    ["ours with the AI SDK's totalTokens", { inputTokens: 10, outputTokens: 4, totalTokens: 14 }, { ...zero, inputTokens: 10, outputTokens: 4 }],
    ["an empty object", {}, zero],
  ])("normalises %s", (_name, input, expected) => {
    expect(UsageInput.parse(input)).toEqual(expected);
  });

  it.each([
    [{ inputTokens: -1 }, "inputTokens"],
    [{ inputTokens: 1.5 }, "inputTokens"],
    [{ inputTokens: "10" }, "inputTokens"],
    [{ prompt_tokens: -3 }, "prompt_tokens"],
    [{ input_tokens: 5, cache_read_input_tokens: "x" }, "cache_read_input_tokens"],
    [{ inputTokens: 10, cachedInputTokens: 11 }, "cachedInputTokens"],
    [{ outputTokens: 10, reasoningTokens: 11 }, "reasoningTokens"],
    [{ inputTokens: 2 ** 31 }, "inputTokens"],
  ])("refuses %j naming %s", (input, path) => {
    const result = UsageInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join(".")).toBe(path);
  });

  it.each([
    ["Gemini's usageMetadata", { promptTokenCount: 1000, candidatesTokenCount: 500 }, ["promptTokenCount", "candidatesTokenCount"], "any accepted usage shape"],
    ["input/output without the Tokens suffix", { input: 1000, output: 500 }, ["input", "output"], "any accepted usage shape"],
    ["ours with an unknown key", { inputTokens: 1000, outputTokens: 500, cachedTokens: 10 }, ["cachedTokens"], "the camelCase usage shape"],
    ["ours mixed with Anthropic", { inputTokens: 1000, outputTokens: 200, cache_read_input_tokens: 800 }, ["inputTokens", "outputTokens"], "the Anthropic usage shape"],
    ["OpenAI chat mixed with ours", { prompt_tokens: 100, completion_tokens: 20, reasoningTokens: 5 }, ["reasoningTokens"], "the OpenAI chat completions usage shape"],
    ["Anthropic mixed with OpenAI responses", { input_tokens: 100, output_tokens: 20, cache_read_input_tokens: 50, output_tokens_details: { reasoning_tokens: 5 } }, ["output_tokens_details"], "the Anthropic usage shape"],
  ])("refuses %s, naming each key it cannot read and the shapes accepted", (_name, input, keys, shape) => {
    const result = UsageInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(keys);
    for (const issue of result.error!.issues) {
      expect(issue.message).toContain(`is not a key of ${shape}`);
      expect(issue.message).toContain("usage must be exactly one of: camelCase (inputTokens,");
      expect(issue.message).toContain("or Anthropic (input_tokens, output_tokens, cache_read_input_tokens, cache_creation_input_tokens)");
    }
  });

  it.each([null, 5, "tokens", []])("refuses a non-object %j", (input) => {
    expect(UsageInput.safeParse(input).success).toBe(false);
  });
});

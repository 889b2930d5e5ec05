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

  it.each([null, 5, "tokens", []])("refuses a non-object %j", (input) => {
    expect(UsageInput.safeParse(input).success).toBe(false);
  });
});

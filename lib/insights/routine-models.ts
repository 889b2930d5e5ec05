// The small, cheap models the right-sizing detector proposes for routine
// work (short outputs, modest prompts), one tier per provider. A feature
// already on one of them is not flagged; prices come from the price book, so
// an organisation's negotiated overrides count.
export const ROUTINE_MODELS: ReadonlyArray<{ provider: string; model: string }> = [
  { provider: "openai", model: "gpt-4.1-nano" },
  { provider: "openai", model: "gpt-5-nano" },
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "openai", model: "gpt-4.1-mini" },
  { provider: "openai", model: "gpt-5-mini" },
  { provider: "anthropic", model: "claude-3-5-haiku" },
  { provider: "anthropic", model: "claude-haiku-4-5" },
  { provider: "google", model: "gemini-2.0-flash" },
  { provider: "google", model: "gemini-2.5-flash-lite" },
  { provider: "google", model: "gemini-2.5-flash" },
  { provider: "mistral", model: "mistral-small" },
  { provider: "deepseek", model: "deepseek-chat" },
];

// The demo organisation as data: teams, features, the models they call and
// the business outcomes they produce. The generator turns it into traffic;
// every model here must resolve in the shipped price catalog (a unit test
// checks it), so no demo event is ever unpriced.

export const DEMO_ORG = { slug: "demo", name: "Demo Corp" } as const;

export type DemoModel = {
  provider: string;
  model: string;
  /** Provider prompt caching: reads only, or reads and writes (Anthropic). */
  promptCache: "none" | "read" | "read-write";
  /** Emits reasoning tokens, billed inside output tokens. */
  reasoning: boolean;
  /** Time to first token, and per output token, in milliseconds. */
  baseLatencyMs: number;
  msPerOutputToken: number;
};

export const DEMO_MODELS = {
  "gpt-4.1": { provider: "openai", model: "gpt-4.1", promptCache: "read", reasoning: false, baseLatencyMs: 600, msPerOutputToken: 12 },
  "gpt-4.1-mini": { provider: "openai", model: "gpt-4.1-mini", promptCache: "read", reasoning: false, baseLatencyMs: 400, msPerOutputToken: 7 },
  "gpt-4.1-nano": { provider: "openai", model: "gpt-4.1-nano", promptCache: "read", reasoning: false, baseLatencyMs: 250, msPerOutputToken: 4 },
  "gpt-4o-mini": { provider: "openai", model: "gpt-4o-mini", promptCache: "read", reasoning: false, baseLatencyMs: 350, msPerOutputToken: 6 },
  "gpt-5-mini": { provider: "openai", model: "gpt-5-mini", promptCache: "read", reasoning: true, baseLatencyMs: 900, msPerOutputToken: 5 },
  "o4-mini": { provider: "openai", model: "o4-mini", promptCache: "read", reasoning: true, baseLatencyMs: 1500, msPerOutputToken: 6 },
  "claude-sonnet-4": { provider: "anthropic", model: "claude-sonnet-4", promptCache: "read-write", reasoning: false, baseLatencyMs: 900, msPerOutputToken: 14 },
  "claude-opus-4-1": { provider: "anthropic", model: "claude-opus-4-1", promptCache: "read-write", reasoning: false, baseLatencyMs: 1400, msPerOutputToken: 25 },
  "claude-haiku-4-5": { provider: "anthropic", model: "claude-haiku-4-5", promptCache: "read-write", reasoning: false, baseLatencyMs: 450, msPerOutputToken: 8 },
  "gemini-2.5-pro": { provider: "google", model: "gemini-2.5-pro", promptCache: "read", reasoning: true, baseLatencyMs: 1800, msPerOutputToken: 10 },
  "gemini-2.5-flash": { provider: "google", model: "gemini-2.5-flash", promptCache: "read", reasoning: false, baseLatencyMs: 500, msPerOutputToken: 4 },
  "gemini-2.0-flash": { provider: "google", model: "gemini-2.0-flash", promptCache: "read", reasoning: false, baseLatencyMs: 300, msPerOutputToken: 3 },
  "mistral-large": { provider: "mistral", model: "mistral-large", promptCache: "none", reasoning: false, baseLatencyMs: 700, msPerOutputToken: 11 },
  "mistral-small": { provider: "mistral", model: "mistral-small-latest", promptCache: "none", reasoning: false, baseLatencyMs: 300, msPerOutputToken: 5 },
  "deepseek-chat": { provider: "deepseek", model: "deepseek-chat", promptCache: "read", reasoning: false, baseLatencyMs: 800, msPerOutputToken: 15 },
} as const satisfies Record<string, DemoModel>;

export type DemoModelKey = keyof typeof DEMO_MODELS;

export const DEMO_TEAMS = [
  { slug: "search", name: "Search" },
  { slug: "support", name: "Customer Support" },
  { slug: "growth", name: "Growth" },
  { slug: "platform", name: "Platform" },
  { slug: "data-science", name: "Data Science" },
  { slug: "legal", name: "Legal" },
  { slug: "finance-ops", name: "Finance Operations" },
] as const;

export type DemoTeamSlug = (typeof DEMO_TEAMS)[number]["slug"];

export type OutcomeSpec = {
  kind: string;
  /** Decimal string, dollars per outcome. */
  valueUsd: string;
  /** Per finished trace (attributed by traceId) or per call (by team and feature). */
  per: "trace" | "event";
  probability: number;
};

export type FeatureSpec = {
  slug: string;
  team: DemoTeamSlug;
  /** Relative share of the organisation's calls. */
  weight: number;
  models: ReadonlyArray<readonly [DemoModelKey, number]>;
  /** Median tokens of one call; output excludes reasoning. */
  inputTokens: number;
  outputTokens: number;
  /** Agentic features run traces of several steps. */
  steps?: readonly [min: number, max: number];
  /** Share of calls whose prompt repeats a popular one. */
  duplicateRate: number;
  /** Share of repeated prompts answered from the application's own cache. */
  appCacheRate: number;
  /** Share of the input that is a stable prefix the provider can cache. */
  cachablePrefix: number;
  errorRate: number;
  audience: "customer" | "employee" | "batch";
  outcome?: OutcomeSpec;
};

export const DEMO_FEATURES: readonly FeatureSpec[] = [
  { slug: "answer", team: "search", weight: 14, models: [["gpt-4.1-mini", 6], ["claude-sonnet-4", 2.5], ["gemini-2.5-flash", 1.5]], inputTokens: 6000, outputTokens: 400, steps: [2, 4], duplicateRate: 0.04, appCacheRate: 0.3, cachablePrefix: 0.5, errorRate: 0.01, audience: "customer", outcome: { kind: "answer_accepted", valueUsd: "0.30", per: "trace", probability: 0.45 } },
  { slug: "query-rewrite", team: "search", weight: 16, models: [["gpt-4.1-nano", 7], ["gemini-2.0-flash", 3]], inputTokens: 300, outputTokens: 40, duplicateRate: 0.08, appCacheRate: 0.5, cachablePrefix: 0, errorRate: 0.005, audience: "customer" },
  { slug: "product-summaries", team: "search", weight: 5, models: [["gemini-2.5-flash", 1]], inputTokens: 2500, outputTokens: 250, duplicateRate: 0.03, appCacheRate: 0, cachablePrefix: 0.2, errorRate: 0.01, audience: "batch" },
  // Over-provisioned on purpose: one-word ticket labels from a frontier model.
  { slug: "ticket-triage", team: "support", weight: 10, models: [["claude-opus-4-1", 9], ["claude-haiku-4-5", 1]], inputTokens: 900, outputTokens: 6, duplicateRate: 0.03, appCacheRate: 0, cachablePrefix: 0, errorRate: 0.01, audience: "customer" },
  { slug: "support-agent", team: "support", weight: 9, models: [["claude-sonnet-4", 7], ["gpt-4.1", 3]], inputTokens: 7000, outputTokens: 500, steps: [3, 8], duplicateRate: 0.03, appCacheRate: 0, cachablePrefix: 0.7, errorRate: 0.02, audience: "customer", outcome: { kind: "ticket_resolved", valueUsd: "4.00", per: "trace", probability: 0.55 } },
  // Redundant on purpose: the same FAQ questions over and over.
  { slug: "reply-drafts", team: "support", weight: 8, models: [["gpt-4.1", 6], ["gpt-4o-mini", 3], ["mistral-small", 1]], inputTokens: 2500, outputTokens: 220, duplicateRate: 0.36, appCacheRate: 0.45, cachablePrefix: 0.5, errorRate: 0.01, audience: "customer", outcome: { kind: "reply_sent", valueUsd: "0.40", per: "event", probability: 0.6 } },
  { slug: "lead-scoring", team: "growth", weight: 6, models: [["gpt-4.1-mini", 7], ["deepseek-chat", 3]], inputTokens: 1800, outputTokens: 120, duplicateRate: 0.02, appCacheRate: 0, cachablePrefix: 0.5, errorRate: 0.01, audience: "customer", outcome: { kind: "lead_qualified", valueUsd: "25.00", per: "event", probability: 0.02 } },
  { slug: "email-personalization", team: "growth", weight: 7, models: [["gpt-5-mini", 6], ["mistral-small", 4]], inputTokens: 900, outputTokens: 350, duplicateRate: 0.06, appCacheRate: 0.2, cachablePrefix: 0.3, errorRate: 0.01, audience: "customer", outcome: { kind: "email_converted", valueUsd: "1.20", per: "event", probability: 0.03 } },
  { slug: "ad-copy", team: "growth", weight: 3, models: [["gemini-2.5-flash", 6], ["claude-sonnet-4", 4]], inputTokens: 700, outputTokens: 300, duplicateRate: 0.04, appCacheRate: 0, cachablePrefix: 0, errorRate: 0.01, audience: "employee" },
  { slug: "code-review", team: "platform", weight: 4, models: [["claude-sonnet-4", 6], ["o4-mini", 4]], inputTokens: 12000, outputTokens: 800, steps: [2, 6], duplicateRate: 0.02, appCacheRate: 0, cachablePrefix: 0.6, errorRate: 0.02, audience: "employee", outcome: { kind: "pr_reviewed", valueUsd: "6.00", per: "trace", probability: 0.8 } },
  { slug: "log-summarizer", team: "platform", weight: 6, models: [["deepseek-chat", 7], ["gemini-2.0-flash", 3]], inputTokens: 8000, outputTokens: 300, duplicateRate: 0.05, appCacheRate: 0.2, cachablePrefix: 0.1, errorRate: 0.03, audience: "batch" },
  { slug: "incident-copilot", team: "platform", weight: 1.5, models: [["gpt-4.1", 6], ["claude-sonnet-4", 4]], inputTokens: 9000, outputTokens: 600, steps: [3, 10], duplicateRate: 0.02, appCacheRate: 0, cachablePrefix: 0.5, errorRate: 0.02, audience: "employee", outcome: { kind: "incident_mitigated", valueUsd: "150.00", per: "trace", probability: 0.1 } },
  { slug: "sql-assistant", team: "data-science", weight: 5, models: [["gpt-4.1", 5], ["o4-mini", 3], ["gpt-4.1-mini", 2]], inputTokens: 3500, outputTokens: 350, duplicateRate: 0.05, appCacheRate: 0.3, cachablePrefix: 0.6, errorRate: 0.02, audience: "employee", outcome: { kind: "query_answered", valueUsd: "2.00", per: "event", probability: 0.3 } },
  // Runs the runaway agent loop of the demo (see generate-usage.ts).
  { slug: "research-agent", team: "data-science", weight: 2, models: [["gemini-2.5-pro", 5], ["claude-sonnet-4", 5]], inputTokens: 15000, outputTokens: 1200, steps: [4, 12], duplicateRate: 0.02, appCacheRate: 0, cachablePrefix: 0.4, errorRate: 0.03, audience: "employee", outcome: { kind: "report_delivered", valueUsd: "40.00", per: "trace", probability: 0.25 } },
  { slug: "data-labeling", team: "data-science", weight: 8, models: [["gpt-4.1-nano", 5], ["gemini-2.0-flash", 5]], inputTokens: 600, outputTokens: 30, duplicateRate: 0.03, appCacheRate: 0, cachablePrefix: 0.5, errorRate: 0.01, audience: "batch" },
  { slug: "contract-review", team: "legal", weight: 1.2, models: [["claude-opus-4-1", 5], ["gemini-2.5-pro", 5]], inputTokens: 40000, outputTokens: 1500, steps: [2, 4], duplicateRate: 0.01, appCacheRate: 0, cachablePrefix: 0.3, errorRate: 0.02, audience: "employee", outcome: { kind: "document_reviewed", valueUsd: "12.00", per: "trace", probability: 0.9 } },
  { slug: "clause-extraction", team: "legal", weight: 2.5, models: [["mistral-large", 7], ["gpt-4.1-mini", 3]], inputTokens: 5000, outputTokens: 400, duplicateRate: 0.03, appCacheRate: 0, cachablePrefix: 0.3, errorRate: 0.01, audience: "employee" },
  { slug: "invoice-extraction", team: "finance-ops", weight: 4, models: [["gemini-2.5-flash", 6], ["gpt-4.1-mini", 4]], inputTokens: 2500, outputTokens: 300, duplicateRate: 0.02, appCacheRate: 0, cachablePrefix: 0.3, errorRate: 0.02, audience: "batch", outcome: { kind: "invoice_processed", valueUsd: "1.50", per: "event", probability: 0.9 } },
];

/** The runaway agent: one trace of hundreds of steps with a growing context. */
export const RUNAWAY = { feature: "research-agent", model: "claude-sonnet-4", maxSteps: 600, daysBeforeEnd: 10 } as const satisfies { feature: string; model: DemoModelKey; maxSteps: number; daysBeforeEnd: number };

export const DEMO_CUSTOMERS = [
  "acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne",
  "soylent", "massive-dynamic", "aperture", "black-mesa", "oscorp", "vandelay", "dunder-mifflin", "pied-piper",
  "gringotts", "monarch", "nakatomi", "virtucon", "weyland", "zorg", "prestige", "bluth", "sterling", "gekko",
  "duff", "krusty",
].map((name) => `cus_${name}`);

export const DEMO_EMPLOYEES = Array.from({ length: 40 }, (_, i) => `usr_${String(i + 1).padStart(3, "0")}`);

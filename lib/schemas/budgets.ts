// Wire shapes of budgets and the policy check (API.md). zod only.
import { z } from "zod";
import { compiled, Slug, UsdAmount } from "./common";

// Objects
export const BudgetScopeType = z.enum(["org", "team", "feature", "model", "apiKey"]);
export const BudgetPeriod = z.enum(["day", "week", "month", "quarter"]);
export type BudgetPeriod = z.infer<typeof BudgetPeriod>;

const Threshold = z.number({ error: "must be a number" }).gt(0, "must be above 0").max(10, "must be at most 10 (1000%)");

export const BudgetScope = z
  .object({ type: BudgetScopeType, value: z.string().trim().min(1).max(200).optional() })
  .refine((s) => (s.type === "org") === (s.value === undefined), { message: "value is required for every scope type but org, and must be absent for org", path: ["value"] });

export const AgentGuard = z
  .object({
    maxSteps: z.number().int("must be a whole number").min(1, "must be at least 1").max(1_000_000).optional(),
    maxCostUsd: UsdAmount.optional(),
  })
  .refine((g) => g.maxSteps !== undefined || g.maxCostUsd !== undefined, { message: "set maxSteps, maxCostUsd or both" });

// No defaults here: a PATCH must change only the fields it sends (zod 4's
// .partial() still fills defaults), so only the create body adds them.
const BudgetFields = {
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  scope: BudgetScope,
  period: BudgetPeriod,
  limitUsd: UsdAmount.refine((v) => v !== "0.000000000", "must be above 0"),
  mode: z.enum(["hard", "soft"]),
  alertThresholds: z.array(Threshold).max(10).transform((t) => [...new Set(t)].sort((a, b) => a - b)),
  action: z.enum(["deny", "downgrade", "warn"]),
  downgradeTo: z.string().trim().min(1).max(200).optional(),
  failMode: z.enum(["open", "closed"]),
  agentGuard: AgentGuard.optional(),
};

const CreateDefaults = {
  mode: BudgetFields.mode.default("hard"),
  alertThresholds: BudgetFields.alertThresholds.default([0.5, 0.8, 1]),
  action: BudgetFields.action.default("deny"),
  failMode: BudgetFields.failMode.default("open"),
};

function downgradeNeedsModel<T extends { action?: string; downgradeTo?: string | null }>(b: T): boolean {
  return b.action !== "downgrade" || !!b.downgradeTo;
}

export const BudgetDto = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.object({ type: BudgetScopeType, value: z.string().optional() }),
    period: BudgetPeriod,
    limitUsd: z.string(),
    mode: z.enum(["hard", "soft"]),
    alertThresholds: z.array(z.number()),
    action: z.enum(["deny", "downgrade", "warn"]),
    downgradeTo: z.string().optional(),
    failMode: z.enum(["open", "closed"]),
    agentGuard: z.object({ maxSteps: z.number().optional(), maxCostUsd: z.string().optional() }).optional(),
    archived: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type BudgetDto = z.infer<typeof BudgetDto>;

// Endpoints
export const CreateBudgetBody = z.object({ ...BudgetFields, ...CreateDefaults }).strict().refine(downgradeNeedsModel, { message: "is required when action is downgrade", path: ["downgradeTo"] });
export type CreateBudgetBody = z.output<typeof CreateBudgetBody>;
export type CreateBudgetInput = z.input<typeof CreateBudgetBody>;

// Whether a downgrade names its model depends on the stored budget too: updateBudget checks it.
export const UpdateBudgetBody = z
  .object({ ...BudgetFields, downgradeTo: BudgetFields.downgradeTo.nullable(), agentGuard: BudgetFields.agentGuard.nullable() })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "send at least one field to change" });
export type UpdateBudgetBody = z.output<typeof UpdateBudgetBody>;

/** PostgreSQL cannot store U+0000 in text: refused here, naming the field, rather than failing the statement. */
const withoutNul = <S extends z.ZodString>(schema: S) => schema.refine((s) => !s.includes("\u0000"), "must not contain the character U+0000");
const EstimatedTokens = z.number().int().min(0).max(100_000_000).default(0);

export const PolicyCheckBody = compiled(
  z
    .object({
      team: Slug.optional(),
      feature: Slug.default("unassigned"),
      model: withoutNul(z.string().trim().min(1, "is required").max(200)),
      provider: withoutNul(z.string().trim().toLowerCase().min(1).max(64)).optional(),
      // strict: a misspelt bucket (input_tokens) would otherwise be dropped and the call held at $0
      estimate: z
        .strictObject({
          inputTokens: EstimatedTokens,
          outputTokens: EstimatedTokens,
          cachedInputTokens: EstimatedTokens,
          cacheWriteTokens: EstimatedTokens,
          reasoningTokens: EstimatedTokens,
        })
        .optional(),
      estimatedCostUsd: UsdAmount.optional(),
      traceId: withoutNul(z.string().min(1).max(256)).optional(),
      reserve: z.boolean().default(false),
    })
    .refine((b) => !(b.estimate && b.estimatedCostUsd !== undefined), { message: "send estimate or estimatedCostUsd, not both", path: ["estimatedCostUsd"] }),
);
export type PolicyCheckBody = z.output<typeof PolicyCheckBody>;

export const PolicyBudgetState = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.string(),
    period: BudgetPeriod,
    limitUsd: z.string(),
    spentUsd: z.string(),
    reservedUsd: z.string(),
    remainingUsd: z.string(),
    resetsAt: z.string(),
  })
  .strict();
export type PolicyBudgetState = z.infer<typeof PolicyBudgetState>;

export const PolicyDecision = z.enum(["allow", "warn", "downgrade", "deny"]);
export type PolicyDecision = z.infer<typeof PolicyDecision>;

export const PolicyCheckResponse = z
  .object({
    decision: PolicyDecision,
    allowed: z.boolean(),
    reason: z.string(),
    model: z.string(),
    reservationId: z.string().optional(),
    estimatedCostUsd: z.string().nullable(),
    retryAfterSeconds: z.number().int().optional(),
    degraded: z.boolean().optional(),
    budgets: z.array(PolicyBudgetState),
  })
  .strict();
export type PolicyCheckResponse = z.infer<typeof PolicyCheckResponse>;

// Wire shapes of GET /api/v1/insights (API.md, "Insights") and of the
// dismissals the Insights page writes. zod only.
import { z } from "zod";
import { Slug } from "./common";
import { checkRange, defaultRange, optionalParam, RangeParams } from "./query-range";
import { CreateBudgetBody } from "./budgets";

export const INSIGHTS_DEFAULT_DAYS = 30;
/** Detectors read daily rollups and a bounded raw window; longer ranges add little. */
export const INSIGHTS_MAX_DAYS = 92;

export const InsightKind = z.enum(["right_size", "redundancy", "runaway_agent", "anomaly", "prompt_bloat", "unbudgeted"]);
export type InsightKind = z.infer<typeof InsightKind>;

/** Dollars, exact: a decimal string with 9 places. */
const Dollars = z.string().regex(/^-?\d+\.\d{9}$/);

export const InsightAction = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("create_budget"),
      label: z.string(),
      /** A body for POST /api/v1/budgets, as suggested. */
      budget: z.custom<z.input<typeof CreateBudgetBody>>((v) => CreateBudgetBody.safeParse(v).success, "must be a valid budget"),
    })
    .strict(),
  z.object({ type: z.literal("mark_team_reviewed"), label: z.string(), team: z.string() }).strict(),
]);

export const InsightDto = z
  .object({
    /** Stable across requests; what a dismissal names. */
    id: z.string(),
    kind: InsightKind,
    /** Team slug; null for organisation-wide findings. */
    team: z.string().nullable(),
    feature: z.string().optional(),
    model: z.string().optional(),
    traceId: z.string().optional(),
    title: z.string(),
    message: z.string(),
    /** What the suggested change would save a month, where it can be estimated. */
    monthlySavingsUsd: Dollars.optional(),
    /** The dollars the finding is about (a month's spend, or the excess of a spike or runaway). */
    usdAtStake: Dollars,
    evidence: z.record(z.string(), z.unknown()),
    action: InsightAction.optional(),
  })
  .strict();
export type InsightDto = z.infer<typeof InsightDto>;

export const DismissalDto = z
  .object({
    insightId: z.string(),
    kind: InsightKind,
    team: z.string().nullable(),
    title: z.string(),
    reason: z.string(),
    dismissedBy: z.string().nullable(),
    dismissedAt: z.iso.datetime(),
  })
  .strict();
export type DismissalDto = z.infer<typeof DismissalDto>;

const withinMax = (q: { from: Date; to: Date }, ctx: z.RefinementCtx) => void checkRange(q, ctx, INSIGHTS_MAX_DAYS);

export const GetInsightsQuery = z
  .object({ ...RangeParams, team: optionalParam(Slug) })
  .strict()
  .transform(defaultRange(INSIGHTS_DEFAULT_DAYS))
  .superRefine(withinMax);
export type GetInsightsQuery = z.output<typeof GetInsightsQuery>;
export type GetInsightsParams = z.input<typeof GetInsightsQuery>;

export const GetInsightsResponse = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    /** The recent days whose raw events the trace and prompt detectors read. */
    detailWindow: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).strict(),
    /** Most valuable first: monthly savings, else the dollars at stake. */
    insights: z.array(InsightDto),
    dismissed: z.array(DismissalDto),
  })
  .strict();
export type GetInsightsResponse = z.infer<typeof GetInsightsResponse>;

export const DismissInsightBody = z
  .object({
    insightId: z.string().trim().min(1, "is required").max(500),
    reason: z.string().trim().min(3, "must say why, in at least 3 characters").max(500, "must be at most 500 characters"),
    /** The range the insight was seen in. */
    ...RangeParams,
  })
  .strict()
  .transform(defaultRange(INSIGHTS_DEFAULT_DAYS))
  .superRefine(withinMax);
export type DismissInsightBody = z.output<typeof DismissInsightBody>;
export type DismissInsightInput = z.input<typeof DismissInsightBody>;

// Wire shapes of GET /api/v1/roi (API.md, "ROI") and of the outcome kinds
// of Settings → Outcomes (/api/outcome-kinds). zod only.
import { z } from "zod";
import { ItemUsdAmount, Slug } from "./common";
import { checkRange, defaultRange, optionalParam, RangeParams } from "./query-range";
import { maxSpendPoints, SPEND_DEFAULT_DAYS, SPEND_MAX_DAYS, SPEND_MAX_POINTS } from "./spend";

// Objects
export const RoiGroupBy = z.enum(["team", "feature", "model"], { error: "must be one of team, feature, model" });
export type RoiGroupBy = z.infer<typeof RoiGroupBy>;

export const RoiInterval = z.enum(["hour", "day", "week", "month"], { error: "must be one of hour, day, week, month" });
export type RoiInterval = z.infer<typeof RoiInterval>;

/** Sub-rows per model inside each row (the model comparison of a feature). */
export const RoiBreakdown = z.enum(["model"], { error: "must be model" });

/** Dollars, exact: a decimal string with 9 places (negative only for a loss). */
const Dollars = z.string().regex(/^-?\d+\.\d{9}$/, "must be a decimal string with 9 places");
const Count = z.number().int().min(0);
/**
 * Outcomes, exact to a millionth: an outcome whose credit is shared between
 * groups (a trace using two models) counts as a fraction in each.
 */
const Outcomes = z.number().min(0);

export const RoiKindTotal = z.object({ kind: z.string(), outcomes: Outcomes, valueUsd: Dollars }).strict();
export type RoiKindTotal = z.infer<typeof RoiKindTotal>;

const metrics = {
  costUsd: Dollars,
  /** Input + output tokens (cached input is part of input). */
  tokens: Count,
  /** Calls (usage events), cache hits included. */
  events: Count,
  /** Calls of models without a known price: their cost is unknown, so the ROI is overstated. */
  unpricedEvents: Count,
  /** Value of the outcomes credited to the group plus the valueUsd of its events. */
  valueUsd: Dollars,
  /** False when the group has no outcomes and no event value: "value unknown", never a ROI of −100 %. */
  valueKnown: z.boolean(),
  outcomes: Outcomes,
  /** (value − cost) / cost, rounded to 6 places; null when the cost is zero or the value unknown. */
  roi: z.number().nullable(),
  /** value / tokens × 1,000,000; null without tokens or when the value is unknown. */
  valuePerMillionTokens: Dollars.nullable(),
  /** cost / outcomes; null without outcomes. */
  costPerOutcome: Dollars.nullable(),
  /** value / outcomes; null without outcomes. */
  valuePerOutcome: Dollars.nullable(),
  outcomesByKind: z.array(RoiKindTotal),
};

export const RoiMetrics = z.object(metrics).strict();
export type RoiMetrics = z.infer<typeof RoiMetrics>;

/** key null (groupBy or breakdown model): outcomes whose team and feature had no calls in the range. */
export const RoiModelRow = z.object({ key: z.string().nullable(), ...metrics }).strict();
export type RoiModelRow = z.infer<typeof RoiModelRow>;

export const RoiRow = z.object({ key: z.string().nullable(), ...metrics, models: z.array(RoiModelRow).optional() }).strict();
export type RoiRow = z.infer<typeof RoiRow>;

export const RoiPoint = z
  .object({
    /** Start of the bucket in the organisation's time zone, as a UTC instant. */
    t: z.iso.datetime(),
    costUsd: Dollars,
    valueUsd: Dollars,
    valueKnown: z.boolean(),
    outcomes: Outcomes,
    roi: z.number().nullable(),
  })
  .strict();
export type RoiPoint = z.infer<typeof RoiPoint>;

export const OutcomeKindDto = z
  .object({
    kind: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    /** Dollars per unit (count 1); null = services must send valueUsd. */
    defaultValueUsd: Dollars.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type OutcomeKindDto = z.infer<typeof OutcomeKindDto>;

/** A kind services sent in the last 90 days that finance has not named yet. */
export const UnconfiguredKindDto = z.object({ kind: z.string(), outcomes: Count, lastSeenAt: z.iso.datetime() }).strict();
export type UnconfiguredKindDto = z.infer<typeof UnconfiguredKindDto>;

// Transforms

const KindName = z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters");
const KindDescription = z.string().trim().max(500, "must be at most 500 characters");
/** Dollars per unit of a kind; null or "" = no default. */
const DefaultValue = z.preprocess((v) => (v === "" ? null : v), ItemUsdAmount.nullable());

// Endpoints
export const GetRoiQuery = z
  .object({
    ...RangeParams,
    groupBy: optionalParam(RoiGroupBy).transform((v) => v ?? "feature"),
    team: optionalParam(Slug),
    feature: optionalParam(Slug),
    model: optionalParam(z.string().trim().min(1).max(200, "must be at most 200 characters")),
    /** When set, the answer carries ROI over time in buckets of this interval. */
    interval: optionalParam(RoiInterval),
    breakdown: optionalParam(RoiBreakdown),
  })
  .strict()
  .transform(defaultRange(SPEND_DEFAULT_DAYS))
  .superRefine((q, ctx) => {
    if (checkRange(q, ctx, SPEND_MAX_DAYS) === null) return;
    if (q.interval && maxSpendPoints(q.from, q.to, q.interval) > SPEND_MAX_POINTS) {
      ctx.addIssue({
        code: "custom",
        path: ["interval"],
        message: `the range yields up to ${maxSpendPoints(q.from, q.to, q.interval)} points at interval ${q.interval}; at most ${SPEND_MAX_POINTS}: choose a coarser interval or a shorter range`,
      });
    }
  });
export type GetRoiQuery = z.output<typeof GetRoiQuery>;
export type GetRoiParams = z.input<typeof GetRoiQuery>;

export const GetRoiResponse = z
  .object({
    /** The range asked for (or defaulted), half-open [from, to). */
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    groupBy: RoiGroupBy,
    interval: RoiInterval.nullable(),
    timeZone: z.string(),
    /** Best ROI first; then zero-cost groups with value (ROI undefined); then "value unknown", most expensive first. */
    rows: z.array(RoiRow),
    totals: RoiMetrics,
    /** ROI over time, one point per bucket (zero-filled money, null ratios); null without `interval`. */
    series: z.array(RoiPoint).nullable(),
  })
  .strict();
export type GetRoiResponse = z.infer<typeof GetRoiResponse>;

export const ListOutcomeKindsResponse = z.object({ kinds: z.array(OutcomeKindDto), unconfigured: z.array(UnconfiguredKindDto) }).strict();
export type ListOutcomeKindsResponse = z.infer<typeof ListOutcomeKindsResponse>;

export const CreateOutcomeKindBody = z
  .object({
    kind: Slug,
    name: KindName,
    description: KindDescription.optional(),
    defaultValueUsd: DefaultValue.optional(),
  })
  .strict();
export type CreateOutcomeKindBody = z.output<typeof CreateOutcomeKindBody>;
export type CreateOutcomeKindInput = z.input<typeof CreateOutcomeKindBody>;

export const UpdateOutcomeKindBody = z
  .object({
    name: KindName.optional(),
    description: KindDescription.nullable().optional(),
    defaultValueUsd: DefaultValue.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "must change at least one of name, description, defaultValueUsd");
export type UpdateOutcomeKindBody = z.output<typeof UpdateOutcomeKindBody>;
export type UpdateOutcomeKindInput = z.input<typeof UpdateOutcomeKindBody>;

export const OutcomeKindResponse = z.object({ kind: OutcomeKindDto }).strict();
export type OutcomeKindResponse = z.infer<typeof OutcomeKindResponse>;

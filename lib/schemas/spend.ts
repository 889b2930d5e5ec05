// Wire shapes of GET /api/v1/spend (API.md, "Spend queries"). zod only.
import { z } from "zod";
import { Slug } from "./common";
import { checkRange, defaultRange, optionalParam, RangeParams } from "./query-range";

// Objects
export const SpendGroupBy = z.enum(["team", "model", "feature", "provider", "customer"], {
  error: "must be one of team, model, feature, provider, customer",
});
export type SpendGroupBy = z.infer<typeof SpendGroupBy>;

export const SpendInterval = z.enum(["hour", "day", "week", "month"], { error: "must be one of hour, day, week, month" });
export type SpendInterval = z.infer<typeof SpendInterval>;

export const SPEND_DEFAULT_DAYS = 30;
/** Two years, a leap day included. */
export const SPEND_MAX_DAYS = 731;
/** Points per series; at interval hour this allows about 41 days. */
export const SPEND_MAX_POINTS = 1000;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Shortest length of a bucket, for the upper bound of the points a range yields. */
const SHORTEST_BUCKET_MS: Record<SpendInterval, number> = { hour: HOUR_MS, day: DAY_MS - HOUR_MS, week: 7 * DAY_MS - HOUR_MS, month: 28 * DAY_MS - HOUR_MS };

const Dollars = z.string().regex(/^\d+\.\d{9}$/, "must be a decimal string with 9 places");
const Count = z.number().int().min(0);

export const SpendPoint = z
  .object({
    /** Start of the bucket in the organisation's time zone, as a UTC instant. */
    t: z.iso.datetime(),
    costUsd: Dollars,
    inputTokens: Count,
    outputTokens: Count,
    events: Count,
  })
  .strict();
export type SpendPoint = z.infer<typeof SpendPoint>;

export const SpendSeries = z
  .object({
    /** Team slug, model, feature, provider or customer id; null = events without a customer id. */
    key: z.string().nullable(),
    points: z.array(SpendPoint),
  })
  .strict();
export type SpendSeries = z.infer<typeof SpendSeries>;

export const SpendTotals = z.object({ costUsd: Dollars, inputTokens: Count, outputTokens: Count, events: Count }).strict();
export type SpendTotals = z.infer<typeof SpendTotals>;

// Transforms
/** Upper bound of the buckets [from, to) meets at `interval`, whatever the time zone. */
export function maxSpendPoints(from: Date, to: Date, interval: SpendInterval): number {
  return Math.ceil((to.getTime() - from.getTime()) / SHORTEST_BUCKET_MS[interval]) + 1;
}

// Endpoints
export const GetSpendQuery = z
  .object({
    ...RangeParams,
    groupBy: optionalParam(SpendGroupBy).transform((v) => v ?? "team"),
    interval: optionalParam(SpendInterval).transform((v) => v ?? "day"),
    team: optionalParam(Slug),
    model: optionalParam(z.string().trim().min(1).max(200, "must be at most 200 characters")),
    feature: optionalParam(Slug),
    provider: optionalParam(z.string().trim().toLowerCase().min(1).max(64, "must be at most 64 characters")),
    customer: optionalParam(z.string().min(1).max(256, "must be at most 256 characters")),
  })
  .strict()
  .transform(defaultRange(SPEND_DEFAULT_DAYS))
  .superRefine((q, ctx) => {
    const days = checkRange(q, ctx, SPEND_MAX_DAYS);
    if (days === null) return;
    if (maxSpendPoints(q.from, q.to, q.interval) > SPEND_MAX_POINTS) {
      ctx.addIssue({
        code: "custom",
        path: ["interval"],
        message: `the range yields up to ${maxSpendPoints(q.from, q.to, q.interval)} points at interval ${q.interval}; at most ${SPEND_MAX_POINTS}: choose a coarser interval or a shorter range`,
      });
    }
  });
export type GetSpendQuery = z.output<typeof GetSpendQuery>;

export const GetSpendResponse = z
  .object({
    /** The range asked for (or defaulted), half-open [from, to). */
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    groupBy: SpendGroupBy,
    interval: SpendInterval,
    /** The organisation's IANA time zone: the zone of day, week and month buckets. */
    timeZone: z.string(),
    series: z.array(SpendSeries),
    totals: SpendTotals,
  })
  .strict();
export type GetSpendResponse = z.infer<typeof GetSpendResponse>;

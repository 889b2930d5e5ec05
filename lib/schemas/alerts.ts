// Wire shapes of alerts (zod only; safe to import from client code).
import { z } from "zod";

// Objects
export const AlertKind = z.enum(["threshold", "cap", "anomaly", "runaway_agent"]);
export type AlertKind = z.infer<typeof AlertKind>;

/**
 * What a budget alert carries (also the body of webhook deliveries).
 * `threshold` is the fraction of the limit that was reached (0.8), `percent`
 * the same as a percentage (80); money is decimal strings.
 */
export const BudgetAlertPayload = z
  .object({
    budgetId: z.string(),
    budgetName: z.string(),
    /** "org", or "<type>:<value>" as in the policy answer ("team:search"). */
    scope: z.string(),
    period: z.enum(["day", "week", "month", "quarter"]),
    periodStart: z.string(),
    threshold: z.number(),
    percent: z.number(),
    spentUsd: z.string(),
    limitUsd: z.string(),
  })
  .strict();
export type BudgetAlertPayload = z.infer<typeof BudgetAlertPayload>;

/** What an insight alert (anomaly, runaway_agent) carries: the insight it was raised for. */
export const InsightAlertPayload = z
  .object({
    insightId: z.string(),
    title: z.string(),
    team: z.string().nullable(),
    feature: z.string().nullable(),
    traceId: z.string().nullable(),
    usdAtStake: z.string(),
  })
  .strict();
export type InsightAlertPayload = z.infer<typeof InsightAlertPayload>;

export const AlertDto = z
  .object({
    id: z.string(),
    kind: AlertKind,
    budgetId: z.string().nullable(),
    threshold: z.number().nullable(),
    periodStart: z.string().nullable(),
    message: z.string(),
    payload: z.union([BudgetAlertPayload, InsightAlertPayload]).nullable(),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
  })
  .strict();
export type AlertDto = z.infer<typeof AlertDto>;

// Endpoints
export const ListAlertsQuery = z
  .object({
    status: z.enum(["open", "all"]).default("all"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ListAlertsQuery = z.input<typeof ListAlertsQuery>;

export const ListAlertsResponse = z.object({ alerts: z.array(AlertDto), nextCursor: z.string().nullable() }).strict();
export type ListAlertsResponse = z.infer<typeof ListAlertsResponse>;

export const AcknowledgeAlertResponse = z.object({ alert: AlertDto }).strict();
export type AcknowledgeAlertResponse = z.infer<typeof AcknowledgeAlertResponse>;

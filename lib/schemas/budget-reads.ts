// Wire shapes of what the budget endpoints answer: the list with each
// budget's current period, one budget's burn-down, and a written budget (zod only).
import { z } from "zod";
import { BudgetDto } from "./budgets";

// Objects
export const BudgetStatus = z.enum(["ok", "warning", "over"]);
export type BudgetStatus = z.infer<typeof BudgetStatus>;

/** Spent and reserved as the budget's ledger counts them (what the policy check enforces). */
export const BudgetCurrentPeriod = z
  .object({
    periodStart: z.string(),
    periodEnd: z.string(),
    spentUsd: z.string(),
    reservedUsd: z.string(),
    remainingUsd: z.string(),
    status: BudgetStatus,
  })
  .strict();

export const BudgetWithStateDto = BudgetDto.extend({ current: BudgetCurrentPeriod }).strict();
export type BudgetWithStateDto = z.infer<typeof BudgetWithStateDto>;

/** Spend in the budget's scope on one local day of the period (zero-filled). */
export const BurnDay = z
  .object({
    /** YYYY-MM-DD in the organisation's time zone. */
    date: z.string(),
    /** The day's first instant (local midnight) in UTC. */
    start: z.string(),
    spentUsd: z.string(),
  })
  .strict();
export type BurnDay = z.infer<typeof BurnDay>;

/**
 * linear_run_rate: spend so far ÷ time elapsed in the period × the period's
 * length (lib/budgets/forecast-period-end.ts).
 */
export const ForecastMethod = z.enum(["linear_run_rate"]);

export const BudgetBurnDto = z
  .object({
    budgetId: z.string(),
    timeZone: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    /** The instant the burn was read; days starting after it are in the future. */
    asOf: z.string(),
    limitUsd: z.string(),
    /** All spend in the scope this period, from usage data (the sum of `days`). */
    spentUsd: z.string(),
    /** Spend expected at period end; null until an hour of the period has passed. */
    forecastUsd: z.string().nullable(),
    forecastMethod: ForecastMethod,
    days: z.array(BurnDay),
  })
  .strict();
export type BudgetBurnDto = z.infer<typeof BudgetBurnDto>;

// Endpoints
export const ListBudgetsResponse = z.object({ budgets: z.array(BudgetWithStateDto) }).strict();
export type ListBudgetsResponse = z.infer<typeof ListBudgetsResponse>;

export const GetBudgetBurnResponse = z.object({ burn: BudgetBurnDto }).strict();
export type GetBudgetBurnResponse = z.infer<typeof GetBudgetBurnResponse>;

export const BudgetWriteResponse = z.object({ budget: BudgetDto }).strict();
export type BudgetWriteResponse = z.infer<typeof BudgetWriteResponse>;

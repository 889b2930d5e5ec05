import { AlertDto, AlertKind, BudgetAlertPayload, InsightAlertPayload } from "@/lib/schemas/alerts";

/** An alert row as Prisma or raw pg returns it (Decimal or numeric text threshold). */
export type AlertRecord = {
  id: string;
  kind: string;
  budgetId: string | null;
  threshold: { toString(): string } | null;
  periodStart: Date | null;
  message: string;
  payload: unknown;
  createdAt: Date;
  acknowledgedAt: Date | null;
};

export function toAlertDto(row: AlertRecord): AlertDto {
  const budget = BudgetAlertPayload.safeParse(row.payload);
  const insight = InsightAlertPayload.safeParse(row.payload);
  const kind = AlertKind.safeParse(row.kind);
  return {
    id: row.id,
    kind: kind.success ? kind.data : "threshold",
    budgetId: row.budgetId,
    threshold: row.threshold === null ? null : Number(row.threshold.toString()),
    periodStart: row.periodStart?.toISOString() ?? null,
    message: row.message,
    payload: budget.success ? budget.data : insight.success ? insight.data : null,
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  };
}

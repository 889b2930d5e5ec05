import type { BudgetDto } from "@/lib/schemas/budgets";

export type BudgetRecord = {
  id: string;
  name: string;
  scopeType: "org" | "team" | "feature" | "model" | "apiKey";
  scopeValue: string | null;
  period: BudgetDto["period"];
  limitUsd: { toFixed: (places: number) => string };
  mode: BudgetDto["mode"];
  action: BudgetDto["action"];
  downgradeTo: string | null;
  alertThresholds: { toNumber: () => number }[];
  failMode: BudgetDto["failMode"];
  agentMaxSteps: number | null;
  agentMaxCostUsd: { toFixed: (places: number) => string } | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Team scopes are stored by team id and shown by slug. */
export function toBudgetDto(b: BudgetRecord, teamSlugById: Map<string, string>): BudgetDto {
  const value = b.scopeType === "team" ? (teamSlugById.get(b.scopeValue ?? "") ?? b.scopeValue) : b.scopeValue;
  const guard = b.agentMaxSteps !== null || b.agentMaxCostUsd !== null;
  return {
    id: b.id,
    name: b.name,
    scope: { type: b.scopeType, ...(value ? { value } : {}) },
    period: b.period,
    limitUsd: b.limitUsd.toFixed(9),
    mode: b.mode,
    alertThresholds: b.alertThresholds.map((t) => t.toNumber()),
    action: b.action,
    ...(b.downgradeTo ? { downgradeTo: b.downgradeTo } : {}),
    failMode: b.failMode,
    ...(guard
      ? { agentGuard: { ...(b.agentMaxSteps !== null ? { maxSteps: b.agentMaxSteps } : {}), ...(b.agentMaxCostUsd ? { maxCostUsd: b.agentMaxCostUsd.toFixed(9) } : {}) } }
      : {}),
    archived: b.archivedAt !== null,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

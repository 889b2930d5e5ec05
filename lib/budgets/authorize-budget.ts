import type { Caller } from "@/lib/http/route";
import { AppError } from "@/lib/http/errors";

/**
 * Finance, admins and admin-scoped keys set any budget; a team lead only
 * budgets inside their own teams (team-scoped budgets of those teams); a
 * team-bound key likewise; viewers none (API.md, Budgets).
 */
export function assertMayWriteBudget(caller: Caller, scope: { scopeType: string; scopeValue: string | null }): void {
  if (caller.viewer && !["admin", "finance", "team_lead"].includes(caller.viewer.role)) {
    throw new AppError("forbidden", `Your role (${caller.viewer.role}) may not set budgets.`);
  }
  if (caller.teamIds === null) return;
  if (scope.scopeType !== "team" || !caller.teamIds.includes(scope.scopeValue ?? "")) {
    throw new AppError("forbidden", "You may only set budgets scoped to one of your own teams.");
  }
}

/** API keys reach the budgets API with the admin scope only. */
export const BUDGET_KEY_ACCESS = {
  keyMay: (key: { scopes: string[] }) => key.scopes.includes("admin"),
  keyRefusal: "Budgets need an API key with the admin scope.",
};

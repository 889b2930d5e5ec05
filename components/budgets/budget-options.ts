// What the budgets page may offer the signed-in user (decided by the server
// page from the role; the API refuses anything else anyway).
import type { ScopeType } from "./budget-draft";

export type TeamOption = { slug: string; name: string };
export type ApiKeyOption = { id: string; name: string; revoked: boolean };

export type BudgetOptions = {
  /** May create, edit and archive the budgets listed. */
  canWrite: boolean;
  /** Scope types the user may set (the first is the default): all for finance and admins, team for team leads. */
  scopeTypes: ScopeType[];
  teams: TeamOption[];
  /** API keys, for API key scopes (finance and admins); revoked ones only name existing scopes. */
  apiKeys: ApiKeyOption[];
  timeZone: string;
};

export const SCOPE_LABELS: Record<ScopeType, string> = { org: "Organisation", team: "Team", feature: "Feature", model: "Model", apiKey: "API key" };

export const PERIOD_LABELS = { day: "Daily", week: "Weekly (Mon–Sun)", month: "Monthly", quarter: "Quarterly" } as const;

/** The scope as a short text: "team: search", "API key: billing-svc", "whole organisation". */
export function scopeText(scope: { type: ScopeType; value?: string }, apiKeys: ApiKeyOption[]): string {
  if (scope.type === "org") return "whole organisation";
  const value = scope.type === "apiKey" ? (apiKeys.find((k) => k.id === scope.value)?.name ?? scope.value) : scope.value;
  return `${SCOPE_LABELS[scope.type].toLowerCase()}: ${value}`;
}

/** The value a scope type starts with when chosen: the first team or key, else empty. */
export function defaultScopeValue(type: ScopeType, options: Pick<BudgetOptions, "teams" | "apiKeys">): string {
  if (type === "team") return options.teams[0]?.slug ?? "";
  if (type === "apiKey") return options.apiKeys.find((k) => !k.revoked)?.id ?? "";
  return "";
}

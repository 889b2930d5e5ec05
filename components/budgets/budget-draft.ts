// The budget form's state (strings, as typed) and its conversion to the API
// body. Validation is the API's: the form only turns text into numbers and
// maps the 422 details back onto its fields.
import type { ErrorDetail } from "@/lib/http/errors";
import type { CreateBudgetInput, UpdateBudgetInput } from "@/lib/queries/budgets";
import type { BudgetDto } from "@/lib/schemas/budgets";

export type ScopeType = BudgetDto["scope"]["type"];

export type BudgetDraft = {
  name: string;
  scopeType: ScopeType;
  scopeValue: string;
  period: BudgetDto["period"];
  limitUsd: string;
  mode: BudgetDto["mode"];
  action: BudgetDto["action"];
  downgradeTo: string;
  /** Percentages of the limit, comma-separated: "50, 80, 100". */
  alertThresholds: string;
  failMode: BudgetDto["failMode"];
  maxSteps: string;
  maxCostUsd: string;
};

export type DraftField = keyof BudgetDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

const percent = (fraction: number) => String(Number((fraction * 100).toFixed(4)));

export function emptyDraft(scopeType: ScopeType, scopeValue: string): BudgetDraft {
  return {
    name: "", scopeType, scopeValue, period: "month", limitUsd: "", mode: "hard", action: "deny", downgradeTo: "",
    alertThresholds: "50, 80, 100", failMode: "open", maxSteps: "", maxCostUsd: "",
  };
}

export function draftFromBudget(b: BudgetDto): BudgetDraft {
  return {
    name: b.name, scopeType: b.scope.type, scopeValue: b.scope.value ?? "", period: b.period, limitUsd: b.limitUsd.replace(/\.?0+$/, ""),
    mode: b.mode, action: b.action, downgradeTo: b.downgradeTo ?? "", alertThresholds: b.alertThresholds.map(percent).join(", "),
    failMode: b.failMode, maxSteps: b.agentGuard?.maxSteps?.toString() ?? "", maxCostUsd: b.agentGuard?.maxCostUsd?.replace(/\.?0+$/, "") ?? "",
  };
}

function parseThresholds(text: string): number[] | null {
  const parts = text.split(",").map((p) => p.trim().replace(/%$/, "")).filter(Boolean);
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number((Number(p) / 100).toFixed(6)) : NaN));
  return numbers.some(Number.isNaN) ? null : numbers;
}

/**
 * The PATCH body (every field; cleared optional fields are null), or the
 * fields whose text is not a number. Empty text is left out so the API
 * names what is missing.
 */
export function draftToBody(d: BudgetDraft): { body: UpdateBudgetInput; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const alertThresholds = parseThresholds(d.alertThresholds);
  if (alertThresholds === null) errors.alertThresholds = "must be percentages separated by commas, e.g. 50, 80, 100";
  const maxSteps = d.maxSteps.trim() === "" ? undefined : Number(d.maxSteps);
  if (maxSteps !== undefined && Number.isNaN(maxSteps)) errors.maxSteps = "must be a whole number";
  const maxCostUsd = d.maxCostUsd.trim() || undefined;
  const guarded = maxSteps !== undefined || maxCostUsd !== undefined;
  const scopeValue = d.scopeValue.trim();
  const body: UpdateBudgetInput = {
    name: d.name,
    scope: d.scopeType === "org" ? { type: "org" } : { type: d.scopeType, ...(scopeValue ? { value: scopeValue } : {}) },
    period: d.period,
    limitUsd: d.limitUsd.trim(),
    mode: d.mode,
    alertThresholds: alertThresholds ?? [],
    action: d.action,
    downgradeTo: d.action === "downgrade" && d.downgradeTo.trim() ? d.downgradeTo.trim() : null,
    failMode: d.failMode,
    agentGuard: guarded ? { ...(maxSteps !== undefined ? { maxSteps } : {}), ...(maxCostUsd ? { maxCostUsd } : {}) } : null,
  };
  return { body, errors };
}

/** The POST body: as the PATCH body, with cleared optional fields left out. */
export function toCreateBody(body: UpdateBudgetInput): CreateBudgetInput {
  const { downgradeTo, agentGuard, ...rest } = body;
  return { ...(rest as CreateBudgetInput), ...(downgradeTo ? { downgradeTo } : {}), ...(agentGuard ? { agentGuard } : {}) };
}

/** The form field an API error detail names (paths as lib/http/zod-error.ts writes them). */
function fieldOf(path: string): DraftField | null {
  if (path.startsWith("alertThresholds")) return "alertThresholds";
  if (path === "scope.type") return "scopeType";
  if (path.startsWith("scope")) return "scopeValue";
  if (path === "agentGuard.maxCostUsd") return "maxCostUsd";
  if (path.startsWith("agentGuard")) return "maxSteps";
  return ["name", "period", "limitUsd", "mode", "action", "downgradeTo", "failMode"].includes(path) ? (path as DraftField) : null;
}

/** Field errors from a 422's details; details naming no field are returned apart. */
export function errorsFromDetails(details: ErrorDetail[]): { fields: DraftErrors; other: string[] } {
  const fields: DraftErrors = {};
  const other: string[] = [];
  for (const detail of details) {
    const field = detail.path ? fieldOf(detail.path) : null;
    if (field) fields[field] ??= detail.message;
    else other.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { fields, other };
}

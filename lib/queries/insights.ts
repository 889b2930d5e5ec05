import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ErrorBody } from "@/lib/http/errors";
import type { BudgetWriteResponse } from "@/lib/schemas/budget-reads";
import type { CreateBudgetInput } from "@/lib/schemas/budgets";
import type { DismissalDto, GetInsightsResponse } from "@/lib/schemas/insights";
import type { TeamSummary } from "@/lib/teams/list-teams";
import { budgetsQueryOptions } from "./budgets";
import { ApiError, fetchJson } from "./fetch-json";

/** Query of GET /api/v1/insights as the page sends it; from and to are ISO instants. */
export type InsightsParams = { from: string; to: string; team?: string };

export function insightsSearch(params: InsightsParams): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries.sort(([a], [b]) => (a < b ? -1 : 1))).toString();
}

export function fetchInsights(params: InsightsParams): Promise<GetInsightsResponse> {
  return fetchJson<GetInsightsResponse>(`/api/v1/insights?${insightsSearch(params)}`);
}

export function insightsQueryOptions(params: InsightsParams) {
  return queryOptions({ queryKey: ["insights", params], queryFn: () => fetchInsights(params) });
}

/** Keeps the previous answer on screen while another range or team loads. */
export function useInsights(params: InsightsParams) {
  return useQuery({ ...insightsQueryOptions(params), placeholderData: keepPreviousData });
}

/**
 * A write whose refusal carries the server's message, with its per-field
 * details (422) appended, so the page can show it as is.
 */
async function send<T>(url: string, method: "POST" | "DELETE", body?: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (payload as ErrorBody | null)?.error;
    const details = (error?.details ?? []).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
    const message = error?.message ?? `Request failed (${res.status}).`;
    throw new ApiError(res.status, error?.code ?? "http_error", details.length ? `${message} (${details.join("; ")})` : message);
  }
  return payload as T;
}

// Each write hook takes what to do once the write succeeded: it runs in the
// mutation itself, before the insights reload, so it runs even when the
// reload removes the card whose button started the write.

/** Every insights query (any range or team): a write may change them all. */
function useInvalidateInsights() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["insights"] });
}

export type DismissInsightVariables = { insightId: string; reason: string; from?: string; to?: string };

export function useDismissInsight(onDismissed?: (dismissal: DismissalDto) => void) {
  const invalidate = useInvalidateInsights();
  return useMutation<DismissalDto, ApiError, DismissInsightVariables>({
    mutationFn: (body) => send<DismissalDto>("/api/v1/insights/dismissals", "POST", body),
    onSuccess: (dismissal) => {
      onDismissed?.(dismissal);
      return invalidate();
    },
  });
}

export function useRestoreInsight(onRestored?: (insightId: string) => void) {
  const invalidate = useInvalidateInsights();
  return useMutation<{ restored: string }, ApiError, string>({
    mutationFn: (insightId) => send<{ restored: string }>(`/api/v1/insights/dismissals/${encodeURIComponent(insightId)}`, "DELETE"),
    onSuccess: (_, insightId) => {
      onRestored?.(insightId);
      return invalidate();
    },
  });
}

export function useReviewTeam(onReviewed?: (team: TeamSummary) => void) {
  const invalidate = useInvalidateInsights();
  return useMutation<{ team: TeamSummary }, ApiError, string>({
    mutationFn: (slug) => send<{ team: TeamSummary }>(`/api/teams/${encodeURIComponent(slug)}/review`, "POST"),
    onSuccess: ({ team }) => {
      onReviewed?.(team);
      return invalidate();
    },
  });
}

/** Creates the budget an insight suggests: the insights (the finding may be resolved) and the budgets change. */
export function useCreateSuggestedBudget(onCreated?: (res: BudgetWriteResponse) => void) {
  const client = useQueryClient();
  return useMutation<BudgetWriteResponse, ApiError, CreateBudgetInput>({
    mutationFn: (body) => send<BudgetWriteResponse>("/api/v1/budgets", "POST", body),
    onSuccess: (res) => {
      onCreated?.(res);
      return Promise.all([
        client.invalidateQueries({ queryKey: ["insights"] }),
        client.invalidateQueries({ queryKey: budgetsQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: ["budget-burn"] }),
      ]);
    },
  });
}

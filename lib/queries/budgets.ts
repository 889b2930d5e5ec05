import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ErrorBody, ErrorDetail } from "@/lib/http/errors";
import type { BudgetWriteResponse, GetBudgetBurnResponse, ListBudgetsResponse } from "@/lib/schemas/budget-reads";
import type { CreateBudgetBody, UpdateBudgetBody } from "@/lib/schemas/budgets";
import type { z } from "zod";
import { ApiError, fetchJson } from "./fetch-json";

/** A refused budget write, with the API's per-field details (422) for the form. */
export class BudgetWriteError extends ApiError {
  constructor(status: number, code: string, message: string, readonly details: ErrorDetail[]) {
    super(status, code, message);
  }
}

/** Bodies as sent: the API parses and canonicalises them (e.g. "500" → "500.000000000"). */
export type CreateBudgetInput = z.input<typeof CreateBudgetBody>;
export type UpdateBudgetInput = z.input<typeof UpdateBudgetBody>;

async function writeBudget(url: string, method: "POST" | "PATCH", body: unknown): Promise<BudgetWriteResponse> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const payload = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (payload as ErrorBody | null)?.error;
    throw new BudgetWriteError(res.status, error?.code ?? "http_error", error?.message ?? `Request failed (${res.status}).`, error?.details ?? []);
  }
  return payload as BudgetWriteResponse;
}

export function fetchBudgets(): Promise<ListBudgetsResponse> {
  return fetchJson<ListBudgetsResponse>("/api/v1/budgets");
}

export function budgetsQueryOptions() {
  return queryOptions({ queryKey: ["budgets", {}], queryFn: fetchBudgets });
}

export function useBudgets() {
  return useQuery(budgetsQueryOptions());
}

export function fetchBudgetBurn(budgetId: string): Promise<GetBudgetBurnResponse> {
  return fetchJson<GetBudgetBurnResponse>(`/api/v1/budgets/${encodeURIComponent(budgetId)}/burn`);
}

export function budgetBurnQueryOptions(budgetId: string) {
  return queryOptions({ queryKey: ["budget-burn", { budgetId }], queryFn: () => fetchBudgetBurn(budgetId) });
}

export function useBudgetBurn(budgetId: string) {
  return useQuery(budgetBurnQueryOptions(budgetId));
}

/** A write changes the list and may change any burn-down (limit, scope, period). */
function useInvalidateBudgets() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: budgetsQueryOptions().queryKey }), client.invalidateQueries({ queryKey: ["budget-burn"] })]);
}

export function useCreateBudget() {
  const invalidate = useInvalidateBudgets();
  return useMutation<BudgetWriteResponse, BudgetWriteError, CreateBudgetInput>({
    mutationFn: (body) => writeBudget("/api/v1/budgets", "POST", body),
    onSuccess: invalidate,
  });
}

export function useUpdateBudget(budgetId: string) {
  const invalidate = useInvalidateBudgets();
  return useMutation<BudgetWriteResponse, BudgetWriteError, UpdateBudgetInput>({
    mutationFn: (body) => writeBudget(`/api/v1/budgets/${encodeURIComponent(budgetId)}`, "PATCH", body),
    onSuccess: invalidate,
  });
}

export function useArchiveBudget() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: (budgetId: string) => fetchJson<BudgetWriteResponse>(`/api/v1/budgets/${encodeURIComponent(budgetId)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

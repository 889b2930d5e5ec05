import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ErrorBody, ErrorDetail } from "@/lib/http/errors";
import type {
  CreateOutcomeKindInput,
  GetRoiResponse,
  ListOutcomeKindsResponse,
  OutcomeKindResponse,
  RoiGroupBy,
  RoiInterval,
  UpdateOutcomeKindInput,
} from "@/lib/schemas/roi";
import { ApiError, fetchJson } from "./fetch-json";

/** Query of GET /api/v1/roi as the page sends it; from and to are ISO instants. */
export type RoiParams = {
  from: string;
  to: string;
  groupBy: RoiGroupBy;
  interval?: RoiInterval;
  breakdown?: "model";
  team?: string;
  feature?: string;
  model?: string;
};

export function roiSearch(params: RoiParams): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries.sort(([a], [b]) => (a < b ? -1 : 1))).toString();
}

export function fetchRoi(params: RoiParams): Promise<GetRoiResponse> {
  return fetchJson<GetRoiResponse>(`/api/v1/roi?${roiSearch(params)}`);
}

export function roiQueryOptions(params: RoiParams) {
  return queryOptions({ queryKey: ["roi", params], queryFn: () => fetchRoi(params) });
}

/** Keeps the previous answer on screen while another range or grouping loads. */
export function useRoi(params: RoiParams) {
  return useQuery({ ...roiQueryOptions(params), placeholderData: keepPreviousData });
}

/** A refused outcome-kind write, with the API's per-field details (409, 422) for the form. */
export class OutcomeKindWriteError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: ErrorDetail[],
  ) {
    super(status, code, message);
  }
}

async function writeKind(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<OutcomeKindResponse> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (payload as ErrorBody | null)?.error;
    throw new OutcomeKindWriteError(res.status, error?.code ?? "http_error", error?.message ?? `Request failed (${res.status}).`, error?.details ?? []);
  }
  return payload as OutcomeKindResponse;
}

export function fetchOutcomeKinds(): Promise<ListOutcomeKindsResponse> {
  return fetchJson<ListOutcomeKindsResponse>("/api/outcome-kinds");
}

export function outcomeKindsQueryOptions() {
  return queryOptions({ queryKey: ["outcome-kinds", {}], queryFn: fetchOutcomeKinds });
}

export function useOutcomeKinds() {
  return useQuery(outcomeKindsQueryOptions());
}

function useInvalidateKinds() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: outcomeKindsQueryOptions().queryKey });
}

export function useCreateOutcomeKind() {
  const invalidate = useInvalidateKinds();
  return useMutation({ mutationFn: (body: CreateOutcomeKindInput) => writeKind("/api/outcome-kinds", "POST", body), onSuccess: invalidate });
}

export function useUpdateOutcomeKind() {
  const invalidate = useInvalidateKinds();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: string; body: UpdateOutcomeKindInput }) => writeKind(`/api/outcome-kinds/${encodeURIComponent(kind)}`, "PATCH", body),
    onSuccess: invalidate,
  });
}

export function useDeleteOutcomeKind() {
  const invalidate = useInvalidateKinds();
  return useMutation({ mutationFn: (kind: string) => writeKind(`/api/outcome-kinds/${encodeURIComponent(kind)}`, "DELETE"), onSuccess: invalidate });
}

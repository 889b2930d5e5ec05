import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { ListAuditLogResponse } from "@/lib/schemas/audit";
import { fetchJson } from "./fetch-json";

export function fetchAuditLog(cursor: string | null): Promise<ListAuditLogResponse> {
  const search = new URLSearchParams(cursor ? { cursor } : {});
  return fetchJson<ListAuditLogResponse>(`/api/audit?${search}`);
}

/** Pages newest first; each page names the cursor of the next (older) one. */
export function auditLogQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ["audit-log", {}],
    queryFn: ({ pageParam }) => fetchAuditLog(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAuditLog() {
  return useInfiniteQuery(auditLogQueryOptions());
}

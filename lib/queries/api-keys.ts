import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateApiKeyBody, CreateApiKeyResponse, ListApiKeysResponse } from "@/lib/schemas/api-keys";
import { fetchJson } from "./fetch-json";

export function fetchApiKeys(): Promise<ListApiKeysResponse> {
  return fetchJson<ListApiKeysResponse>("/api/api-keys");
}

export function apiKeysQueryOptions() {
  return queryOptions({ queryKey: ["api-keys", {}], queryFn: fetchApiKeys });
}

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => fetchJson<CreateApiKeyResponse>("/api/api-keys", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<unknown>(`/api/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey }),
  });
}

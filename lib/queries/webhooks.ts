import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateWebhookBody,
  CreateWebhookResponse,
  ListDeliveriesResponse,
  ListWebhooksResponse,
  SendTestResponse,
  UpdateWebhookBody,
  WebhookResponse,
} from "@/lib/schemas/webhooks";
import { fetchJson } from "./fetch-json";

const path = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

export function fetchWebhooks(): Promise<ListWebhooksResponse> {
  return fetchJson<ListWebhooksResponse>("/api/webhooks");
}

export function webhooksQueryOptions() {
  return queryOptions({ queryKey: ["webhooks", {}], queryFn: fetchWebhooks });
}

export function useWebhooks() {
  return useQuery(webhooksQueryOptions());
}

export function fetchDeliveries(webhookId: string): Promise<ListDeliveriesResponse> {
  return fetchJson<ListDeliveriesResponse>(`${path(webhookId)}/deliveries?limit=50`);
}

export function deliveriesQueryOptions(params: { webhookId: string }) {
  return queryOptions({
    queryKey: ["webhook-deliveries", params],
    queryFn: () => fetchDeliveries(params.webhookId),
    // retries happen in the background: keep an open log current
    refetchInterval: 10_000,
  });
}

export function useDeliveries(params: { webhookId: string }) {
  return useQuery(deliveriesQueryOptions(params));
}

function useInvalidateWebhooks() {
  const client = useQueryClient();
  return (webhookId?: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: webhooksQueryOptions().queryKey }),
      webhookId ? client.invalidateQueries({ queryKey: deliveriesQueryOptions({ webhookId }).queryKey }) : undefined,
    ]);
}

export function useCreateWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => fetchJson<CreateWebhookResponse>("/api/webhooks", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateWebhookBody & { id: string }) => fetchJson<WebhookResponse>(path(id), { method: "PATCH", body: JSON.stringify(body) }),
    onSuccess: (_result, { id }) => invalidate(id),
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (id: string) => fetchJson<WebhookResponse>(path(id), { method: "DELETE" }),
    onSuccess: () => invalidate(),
  });
}

export function useSendTestWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (id: string) => fetchJson<SendTestResponse>(`${path(id)}/test`, { method: "POST" }),
    onSuccess: (_result, id) => invalidate(id),
  });
}

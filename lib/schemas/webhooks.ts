// Wire shapes of webhooks and their delivery log (zod only; safe to import
// from client code). A webhook's signing secret appears in exactly one
// answer, the one that creates it; afterwards only its prefix is shown.
import { z } from "zod";

// Objects
export const WebhookFormat = z.enum(["slack", "generic"]);
export type WebhookFormat = z.infer<typeof WebhookFormat>;

export const WebhookDeliveryStatus = z.enum(["pending", "delivered", "failed"]);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** http(s) only, no credentials in the URL. */
export const WebhookUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }))
  .refine((url) => !URL.canParse(url) || !/^[a-z]+:\/\/[^/?#]*@/i.test(url), "must not contain a user name or password");

export const WebhookDto = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    format: WebhookFormat,
    secretPrefix: z.string(),
    enabled: z.boolean(),
    createdAt: z.string(),
    /** Deliveries still waiting (first attempt or a retry) and those that gave up. */
    pendingDeliveries: z.number(),
    failedDeliveries: z.number(),
    lastDeliveryAt: z.string().nullable(),
  })
  .strict();
export type WebhookDto = z.infer<typeof WebhookDto>;

export const WebhookDeliveryDto = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    alertId: z.string().nullable(),
    /** budget.alert | webhook.test */
    event: z.string(),
    /** The alert's message, or a note for test deliveries. */
    summary: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .strict();
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliveryDto>;

// Endpoints
export const CreateWebhookBody = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
    url: WebhookUrl,
    format: WebhookFormat,
  })
  .strict();
export type CreateWebhookBody = z.input<typeof CreateWebhookBody>;

export const CreateWebhookResponse = z.object({ webhook: WebhookDto, secret: z.string() }).strict();
export type CreateWebhookResponse = z.infer<typeof CreateWebhookResponse>;

export const UpdateWebhookBody = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100, "name must be at most 100 characters").optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.enabled !== undefined, "set name, enabled or both");
export type UpdateWebhookBody = z.input<typeof UpdateWebhookBody>;

export const WebhookResponse = z.object({ webhook: WebhookDto }).strict();
export type WebhookResponse = z.infer<typeof WebhookResponse>;

export const ListWebhooksResponse = z.object({ webhooks: z.array(WebhookDto) }).strict();
export type ListWebhooksResponse = z.infer<typeof ListWebhooksResponse>;

export const ListDeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

export const ListDeliveriesResponse = z.object({ deliveries: z.array(WebhookDeliveryDto) }).strict();
export type ListDeliveriesResponse = z.infer<typeof ListDeliveriesResponse>;

export const SendTestResponse = z.object({ delivery: WebhookDeliveryDto }).strict();
export type SendTestResponse = z.infer<typeof SendTestResponse>;

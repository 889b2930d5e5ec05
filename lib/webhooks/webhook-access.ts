// Who manages webhooks, and what of a webhook row may leave the server.
import type { Action } from "@/lib/auth/permissions";

/**
 * Admin and finance manage webhooks. permissions.ts has no webhook action
 * yet; "audit.read" is the action held by exactly those two roles.
 */
export const MANAGE_WEBHOOKS: Action = "audit.read";

/** Every column but the secret: use it in every query that returns a webhook. */
export const WEBHOOK_PUBLIC_FIELDS = {
  id: true,
  name: true,
  url: true,
  format: true,
  secretPrefix: true,
  enabled: true,
  createdAt: true,
} as const;

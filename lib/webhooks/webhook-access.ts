// What of a webhook row may leave the server (who manages webhooks:
// "webhooks.manage" in lib/auth/permissions.ts).

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

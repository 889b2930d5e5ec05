import { SIGNATURE_HEADER, signDelivery, TIMESTAMP_HEADER } from "./sign";
import type { WebhookEvent } from "./format-payload";

export const DELIVERY_TIMEOUT_MS = 5_000;
const ERROR_MAX_CHARS = 500;

export type PostResult = { ok: boolean; statusCode: number | null; error: string | null };

/**
 * One signed POST of `body`. A 2xx answer is a delivery; anything else
 * (another status, a redirect, which is not followed, a timeout, a refused
 * connection) is a failed attempt with its status code and a short error.
 */
export async function postWebhook(input: {
  url: string;
  secret: string;
  body: string;
  event: WebhookEvent;
  deliveryId: string;
  timeoutMs?: number;
  now?: Date;
}): Promise<PostResult> {
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000).toString();
  try {
    const res = await fetch(input.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(input.timeoutMs ?? DELIVERY_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "ai-finops-webhooks/1",
        [SIGNATURE_HEADER]: signDelivery(input.secret, timestamp, input.body),
        [TIMESTAMP_HEADER]: timestamp,
        "x-finops-event": input.event,
        "x-finops-delivery": input.deliveryId,
      },
      body: input.body,
    });
    const text = await res.text().catch(() => "");
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
    const detail = text.trim().slice(0, ERROR_MAX_CHARS);
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${detail ? `: ${detail}` : ""}` };
  } catch (err) {
    return { ok: false, statusCode: null, error: describe(err, input.timeoutMs ?? DELIVERY_TIMEOUT_MS) };
  }
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer within ${timeoutMs / 1000} s`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `${e.message ?? String(err)}${cause ? ` (${cause})` : ""}`.slice(0, ERROR_MAX_CHARS);
}

// GET /api/health: liveness of the app and its database (API.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkHealth } from "@/lib/health/check-health";
import { sendJson } from "@/lib/http/node-response";

export async function health(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const result = await checkHealth();
  sendJson(res, result.status === "ok" ? 200 : 503, result);
}

// The machine door (DESIGN.md 11): a handful of paths served straight from
// node:http, in front of Next.js, on the same port. Anything not listed here
// falls through to Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, toAppError } from "@/lib/http/errors";
import { sendError } from "@/lib/http/node-response";
import { postEvents, postOutcomes } from "./ingest-endpoint";
import { health } from "./health";
import { postOtlpTraces, sendOtlpError } from "./otlp-traces";
import { postPolicyCheck } from "./policy-check";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
type ErrorSender = (req: IncomingMessage, res: ServerResponse, err: AppError) => void;

const routes: Record<string, Partial<Record<string, Handler>>> = {
  "/api/health": { GET: health, HEAD: health },
  "/api/v1/events": { POST: postEvents },
  "/api/v1/outcomes": { POST: postOutcomes },
  "/api/otlp/v1/traces": { POST: postOtlpTraces },
  "/api/v1/policy/check": { POST: postPolicyCheck },
};

/** Paths whose errors are not our JSON error body: OTLP clients read a google.rpc.Status. */
const errorSenders: Record<string, ErrorSender> = {
  "/api/otlp/v1/traces": sendOtlpError,
};

const sendAppError: ErrorSender = (_req, res, err) => sendError(res, err);

/** Returns false when the request is not for the fast path. */
export function handleMachineRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "/").split("?", 1)[0];
  const methods = routes[pathname];
  if (!methods) return false;
  const fail = errorSenders[pathname] ?? sendAppError;
  const handler = methods[req.method ?? "GET"];
  if (!handler) {
    const allowed = Object.keys(methods);
    res.setHeader("allow", allowed.join(", "));
    fail(req, res, new AppError("method_not_allowed", `${req.method} is not allowed on ${pathname}; use ${allowed.join(" or ")}.`));
    return true;
  }
  handler(req, res).catch((err: unknown) => {
    const appError = toAppError(err);
    if (appError.code === "storage_unavailable") console.warn(`${req.method} ${pathname}: storage unavailable (${(err as Error).message})`);
    else if (appError.status >= 500) console.error(`${req.method} ${pathname} failed:`, err);
    if (!res.headersSent) fail(req, res, appError);
    else res.destroy();
  });
  return true;
}

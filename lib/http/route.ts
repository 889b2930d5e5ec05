// The one wrapper that makes every Next.js route handler: who is calling,
// input parsing, error mapping. Handlers only call a service.
// - route():        a signed-in session only; the handler gets the viewer.
// - routeWithKey(): a session, or an API key sent as `Authorization: Bearer`
//   (a request carrying that header is a key request: a stray cookie is then
//   ignored); the handler gets the caller.
// A handler returns JSON-able data, or a Response of its own (downloads).
import { NextResponse } from "next/server";
import type { z } from "zod";
import { type ApiKeyPrincipal, authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { type Action, roleMay, teamScope, type Viewer } from "@/lib/auth/permissions";
import { viewerOrThrow } from "@/lib/auth/viewer";
import { ApiKeyScope } from "@/lib/schemas/api-keys";
import { AppError, toAppError } from "./errors";
import { validationError } from "./zod-error";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Who asks, and the teams they may read or write: null = every team. */
export type Caller = { orgId: string; teamIds: string[] | null; actorUserId: string | null; actorApiKeyId: string | null } & (
  | { viewer: Viewer; apiKey: null }
  | { viewer: null; apiKey: ApiKeyPrincipal }
);

type Options<B extends z.ZodType, Q extends z.ZodType> = {
  /** Role check before anything else; team-level checks belong to the service. */
  action?: Action;
  body?: B;
  query?: Q;
  status?: number;
};

type KeyOptions = {
  /** Whether a valid key (of any scope) may call; others get 403 with `keyRefusal`. */
  keyMay: (key: ApiKeyPrincipal) => boolean;
  keyRefusal: string;
};

type Parsed<B extends z.ZodType, Q extends z.ZodType> = { body: z.infer<B>; query: z.infer<Q>; params: Record<string, string> };

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_body", "The request body is not valid JSON.");
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

async function sessionCaller(action: Action | undefined): Promise<Caller> {
  const viewer = await viewerOrThrow();
  if (action && !roleMay(viewer, action)) throw new AppError("forbidden", `Your role (${viewer.role}) may not do this.`);
  return { orgId: viewer.orgId, teamIds: teamScope(viewer), actorUserId: viewer.userId, actorApiKeyId: null, viewer, apiKey: null };
}

/** A key is tried against each scope in turn, admin first; 401s (unknown, revoked) stop at the first. */
async function keyWithAnyScope(header: string): Promise<ApiKeyPrincipal> {
  for (const scope of [...ApiKeyScope.options].reverse()) {
    try {
      return await authenticateApiKey(header, scope);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "forbidden")) throw err;
    }
  }
  throw new AppError("forbidden", "The API key has no scope.");
}

async function keyCaller(header: string, options: KeyOptions): Promise<Caller> {
  const key = await keyWithAnyScope(header);
  if (!options.keyMay(key)) throw new AppError("forbidden", options.keyRefusal);
  return { orgId: key.orgId, teamIds: key.teamId ? [key.teamId] : null, actorUserId: null, actorApiKeyId: key.keyId, viewer: null, apiKey: key };
}

function handle<B extends z.ZodType, Q extends z.ZodType>(
  options: Options<B, Q>,
  callerOf: (req: Request) => Promise<Caller>,
  run: (caller: Caller, input: Parsed<B, Q>) => Promise<unknown>,
) {
  return async (req: Request, context?: RouteContext): Promise<Response> => {
    try {
      const caller = await callerOf(req);
      const body = options.body ? parse(options.body, await readJson(req), "body") : undefined;
      const query = options.query ? parse(options.query, Object.fromEntries(new URL(req.url).searchParams), "query") : undefined;
      const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v)]));
      const result = await run(caller, { body, query, params } as Parsed<B, Q>);
      // a handler may answer with its own Response (a streamed CSV download)
      if (result instanceof Response) return result;
      return NextResponse.json(result, { status: options.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, err);
      const headers: Record<string, string> = appError.retryAfter !== undefined ? { "retry-after": String(appError.retryAfter) } : {};
      return NextResponse.json(appError.toBody(), { status: appError.status, headers });
    }
  };
}

export function route<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  options: Options<B, Q>,
  handler: (input: Parsed<B, Q> & { viewer: Viewer }) => Promise<unknown>,
) {
  return handle(options, () => sessionCaller(options.action), (caller, input) => handler({ ...input, viewer: caller.viewer! }));
}

export function routeWithKey<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  options: Options<B, Q> & KeyOptions,
  handler: (input: Parsed<B, Q> & { caller: Caller }) => Promise<unknown>,
) {
  const callerOf = (req: Request) => {
    const header = req.headers.get("authorization");
    return header !== null ? keyCaller(header, options) : sessionCaller(options.action);
  };
  return handle(options, callerOf, (caller, input) => handler({ ...input, caller }));
}

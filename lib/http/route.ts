// The one wrapper that makes every session-authenticated Next.js route
// handler: auth, input parsing, error mapping. Handlers only call a service.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { viewerOrThrow } from "@/lib/auth/viewer";
import { type Action, roleMay, type Viewer } from "@/lib/auth/permissions";
import { AppError, toAppError } from "./errors";
import { validationError } from "./zod-error";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Options<B extends z.ZodType, Q extends z.ZodType> = {
  /** Role check before anything else; team-level checks belong to the service. */
  action?: Action;
  body?: B;
  query?: Q;
  status?: number;
};

type Input<B extends z.ZodType, Q extends z.ZodType> = {
  viewer: Viewer;
  body: z.infer<B>;
  query: z.infer<Q>;
  params: Record<string, string>;
};

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_body", "The request body is not valid JSON.");
  }
}

export function route<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  options: Options<B, Q>,
  handler: (input: Input<B, Q>) => Promise<unknown>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      const viewer = await viewerOrThrow();
      if (options.action && !roleMay(viewer, options.action)) {
        throw new AppError("forbidden", `Your role (${viewer.role}) may not do this.`);
      }
      const body = options.body ? parse(options.body, await readJson(req), "body") : undefined;
      const searchParams = Object.fromEntries(new URL(req.url).searchParams);
      const query = options.query ? parse(options.query, searchParams, "query") : undefined;
      const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v)]));
      const result = await handler({ viewer, body, query, params } as Input<B, Q>);
      return NextResponse.json(result, { status: options.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, err);
      const headers: Record<string, string> = appError.retryAfter !== undefined ? { "retry-after": String(appError.retryAfter) } : {};
      return NextResponse.json(appError.toBody(), { status: appError.status, headers });
    }
  };
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

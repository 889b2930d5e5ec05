// Server configuration, validated once at boot (t3-style). Only variables the
// server reads live here; scripts/run.mjs documents the rest.
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${issues.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

const OidcSchema = z.object({
  AUTH_OIDC_ISSUER: z.string().url("AUTH_OIDC_ISSUER must be a URL"),
  AUTH_OIDC_CLIENT_ID: z.string().min(1),
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1),
  AUTH_OIDC_NAME: z.string().min(1).default("Single sign-on"),
});

/**
 * OIDC sign-in is offered only when its three variables are set. Read apart
 * from env(): the auth config loads at build time, without a database.
 */
export function oidcConfig(): { issuer: string; clientId: string; clientSecret: string; name: string } | null {
  const { AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET } = process.env;
  if (!AUTH_OIDC_ISSUER && !AUTH_OIDC_CLIENT_ID && !AUTH_OIDC_CLIENT_SECRET) return null;
  const parsed = OidcSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid OIDC configuration: set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET together (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}).`);
  }
  const e = parsed.data;
  return { issuer: e.AUTH_OIDC_ISSUER, clientId: e.AUTH_OIDC_CLIENT_ID, clientSecret: e.AUTH_OIDC_CLIENT_SECRET, name: e.AUTH_OIDC_NAME };
}

/**
 * A numeric setting from the environment: `fallback` when unset or blank,
 * else a finite number that `valid` accepts. Anything else stops the start
 * with an error naming the setting and what it must be (`expected`): a typo
 * must neither turn a limit off nor leave work waiting for ever.
 */
export function numberSetting(name: string, value: string | undefined, fallback: number, valid: (n: number) => boolean, expected: string): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || !valid(n)) throw new Error(`${name} must be ${expected}, not '${value}'.`);
  return n;
}

/**
 * The longest delay a Node timer keeps (a 32-bit signed integer of ms, about
 * 24.8 days): a longer one fires after 1 ms. Also the largest int PostgreSQL holds.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** A duration setting in milliseconds from process.env: `fallback` when unset, else a number above 0 and at most MAX_TIMER_MS (numberSetting). */
export function millisecondsSetting(name: string, fallback: number): number {
  return numberSetting(name, process.env[name], fallback, (ms) => ms > 0 && ms <= MAX_TIMER_MS, `a number of milliseconds above 0 and at most ${MAX_TIMER_MS}`);
}

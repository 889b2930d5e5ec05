// Prisma CLI configuration for offline machines (see shared TOOLCHAIN.md §1):
// Prisma 6 with the wasm schema engine through the pg driver adapter, so no
// engine binary is ever downloaded.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// (a) the schema's env("DATABASE_URL") must resolve, or the CLI falls back to
// the native engine and tries to download it.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const url = new URL(process.env.DATABASE_URL);
const poolConfig: pg.PoolConfig = {
  host: url.hostname,
  port: Number(url.port || 5432),
  database: decodeURIComponent(url.pathname.slice(1)),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  // (e) otherwise every CLI command waits for pg's idle timeout
  allowExitOnIdle: true,
};

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

// (b) the wasm engine reads pg_catalog columns of type "char" (18) and
// name (19), which adapter-pg 6 cannot deserialise: hand them over as text.
function asText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
  }
  return result;
}

class Client extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const callback = args[cbIndex];
      args[cbIndex] = (err: unknown, res: unknown) => callback(err, asText(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(asText) : result;
  }
}

type ScriptAdapter = { client: pg.Pool; onError(error: unknown): never; executeScript(script: string): Promise<void> };

// (f) adapter-pg runs a migration script by splitting it on every ";", which
// cuts a function body ($$ ... $$) apart; send it whole instead, as one
// simple-protocol query (PostgreSQL runs its statements in one transaction).
function wholeScripts<T extends object>(adapter: T): T {
  const a = adapter as unknown as ScriptAdapter;
  a.executeScript = async (script) => {
    await a.client.query(script).catch((error: unknown) => a.onError(error));
  };
  return adapter;
}

// (c) adapter-pg's own shadow database connects to the main database and
// drops the shadow before closing its pool; create and drop it correctly.
class MigratePg extends PrismaPg {
  async connect() {
    return wholeScripts(await super.connect());
  }

  async connectToShadowDb() {
    const database = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(poolConfig);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const adapter = wholeScripts(await new PrismaPg({ ...poolConfig, database, Client }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

// (d) the wasm engine leaves a 60 s timer pending after `migrate dev`.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const timer = originalSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 60_000) timer.unref();
  return timer;
}) as typeof setTimeout;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new MigratePg({ ...poolConfig, Client }),
});

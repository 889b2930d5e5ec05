// The database of `npm run bench:queries`: finops_bench_queries on the server
// named by DATABASE_URL, else on an embedded PostgreSQL in
// .data/pg-bench-queries. Seeding 10M events takes minutes, so a database
// that already holds exactly the planned tenants is reused; anything else is
// dropped and seeded again with scripts/seed.ts, the tenants in parallel.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../scripts/lib/embedded-db.mjs";
import { admin, migrate, withDatabaseName } from "./fresh-database";

export type BenchTenant = { slug: string; events: number; seed: number };

const NAME = "finops_bench_queries";
export const DAYS = 90;

function seed(root: string, url: string, tenant: BenchTenant, log: (m: string) => void): Promise<void> {
  const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
  const args = [tsx, "scripts/seed.ts", "--org", tenant.slug, "--events", String(tenant.events), "--days", String(DAYS), "--seed", String(tenant.seed)];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr.on("data", (chunk: Buffer) => {
    const line = chunk.toString().trim().split(/[\r\n]/).at(-1);
    if (line && /\b(50|100)%/.test(line)) log(`${tenant.slug}: ${line.replace(/^\[[#-]+\]\s*/, "")}`);
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seeding ${tenant.slug} failed (exit ${code})`)))),
  );
}

async function seededEvents(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; events: string }>(
      `SELECT o.slug, coalesce(sum(d.events), 0)::text AS events
         FROM organizations o LEFT JOIN usage_rollups_daily d ON d.org_id = o.id GROUP BY o.slug`,
    );
    return new Map(rows.map((r) => [r.slug, Number(r.events)]));
  } finally {
    await client.end();
  }
}

/** The bench database, migrated and holding exactly `tenants`. */
export async function openBenchDatabase(input: { root: string; tenants: BenchTenant[]; reseed: boolean; log: (m: string) => void }) {
  const { root, tenants, log } = input;
  const server = await openDatabase({ root, folder: "pg-bench-queries", name: "postgres", log: (...m: unknown[]) => log(String(m[0])) });
  const adminUrl: string = server.url;
  const url = withDatabaseName(adminUrl, NAME);
  try {
    await admin(adminUrl, `CREATE DATABASE "${NAME}"`).catch((err: { code?: string }) => {
      if (err.code !== "42P04") throw err; // already exists
    });
    migrate(root, url);
    const present = await seededEvents(url);
    const reuse = !input.reseed && present.size === tenants.length && tenants.every((t) => present.get(t.slug) === t.events);
    if (reuse) {
      log(`reusing the seeded ${NAME} (${tenants.map((t) => `${t.slug} ${t.events.toLocaleString("en")}`).join(", ")})`);
    } else {
      log(`seeding ${NAME}: ${tenants.map((t) => `${t.slug} ${t.events.toLocaleString("en")} events`).join(", ")} over ${DAYS} days (minutes)`);
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
      await admin(adminUrl, `CREATE DATABASE "${NAME}"`);
      migrate(root, url);
      const started = Date.now();
      await Promise.all(tenants.map((t) => seed(root, url, t, log)));
      log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; VACUUM ANALYZE`);
      await admin(url, "VACUUM ANALYZE");
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url, stop: (): Promise<void> => server.stop() };
}

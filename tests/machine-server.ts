// The machine door alone (no Next.js) on a random local port, for contract
// tests of the fast-path endpoints over real HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
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

// The limit of the machine endpoints (bench/bare-server.ts): a bare
// node:http server, in a process of its own, that reads each request body
// and answers a constant JSON (BARE_BODY) with the same headers the fast
// path sends. Prints its port.
import http from "node:http";
import type { AddressInfo } from "node:net";

const body = Buffer.from(process.env.BARE_BODY ?? '{"ok":true}');

const server = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length, "cache-control": "no-store" });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;

server.listen(0, "127.0.0.1", () => {
  console.log(`port ${(server.address() as AddressInfo).port}`);
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));

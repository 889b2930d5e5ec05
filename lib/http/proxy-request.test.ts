import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { proxyRequest } from "./proxy-request";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

async function proxyTo(port: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: false });
  return listen((req, res) => proxyRequest(req, res, { host: "127.0.0.1", port }, agent));
}

function send(port: number, options: http.RequestOptions, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, agent: false, ...options }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("proxyRequest", () => {
  it("forwards method, path, headers and body, and the answer with its status and headers", async () => {
    const target = await listen((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (c) => (body += c));
      req.on("end", () => {
        res.writeHead(201, { "content-type": "application/json", "set-cookie": ["a=1; Path=/", "b=2; Path=/"], connection: "close" });
        res.end(JSON.stringify({ method: req.method, url: req.url, body, host: req.headers.host, custom: req.headers["x-custom"], forwardedFor: req.headers["x-forwarded-for"], upgrade: req.headers.upgrade ?? null }));
      });
    });
    const proxy = await proxyTo(target);
    const res = await send(proxy, { method: "POST", path: "/api/auth/callback?x=1", headers: { host: "app.example", "x-custom": "kept", upgrade: "websocket", "content-type": "text/plain" } }, "hello");
    expect(res.status).toBe(201);
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(JSON.parse(res.body)).toEqual({ method: "POST", url: "/api/auth/callback?x=1", body: "hello", host: "app.example", custom: "kept", forwardedFor: "127.0.0.1", upgrade: null });
  });

  it("answers 502 when the main process does not answer", async () => {
    const closed = await listen(() => undefined);
    await new Promise((r) => servers.pop()!.close(r));
    const proxy = await proxyTo(closed);
    const res = await send(proxy, { method: "GET", path: "/" });
    expect(res.status).toBe(502);
    expect(res.body).toContain("retry");
  });

  it("cuts the client off, rather than ending its answer, when the main process dies in the middle of it", async () => {
    const target = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
      setTimeout(() => res.socket!.destroy(), 20);
    });
    const proxy = await proxyTo(target);
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: proxy, agent: false, path: "/" }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (c) => (text += c));
        res.on("end", () => resolve(`ended after '${text}'`));
        res.on("error", () => resolve(`cut off after '${text}'`));
      });
      req.on("error", (err) => resolve(`request failed: ${err.message}`));
      req.end();
    });
    expect(outcome).toBe("cut off after 'partial'");
  });
});

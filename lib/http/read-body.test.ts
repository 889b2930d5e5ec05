// readBody on a real node:http server: a body over the limit is answered 413,
// however it is sent (declared length, chunked, gzip-encoded).
import { randomBytes } from "node:crypto";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toAppError } from "./errors";
import { sendError, sendJson } from "./node-response";
import { readBody } from "./read-body";

const LIMIT = 1024;
/** Path whose limit is 1 MB: bodies large enough to arrive in many chunks, and still within it. */
const LARGE = "/large";

let server: http.Server;
let port: number;
/** Reads that have resolved or rejected, so far. */
let settled = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    readBody(req, req.url === LARGE ? 1024 * 1024 : LIMIT)
      .then(
        (body) => sendJson(res, 200, { bytes: body.length }),
        (err: unknown) => sendError(res, toAppError(err)),
      )
      .finally(() => settled++);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * Sends `chunks` one write each, without Content-Length (so chunked) unless
 * `headers` declare one, and
 * resolves with the answer. The request is not ended, as a client still
 * sending would not have: the answer must come all the same. What the
 * socket does after the answer (the server closes it) does not matter.
 */
function sendChunked(chunks: Buffer[], headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "content-type": "application/json", ...headers } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    for (const chunk of chunks) req.write(chunk);
  });
}

describe("readBody", () => {
  it("reads a chunked body within the limit", async () => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/" });
    const answer = new Promise<string>((resolve) => req.on("response", (res) => res.setEncoding("utf8").on("data", resolve)));
    req.write(Buffer.alloc(600));
    req.end(Buffer.alloc(400));
    expect(JSON.parse(await answer)).toEqual({ bytes: 1000 });
  });

  it("answers 413 to a declared length over the limit before the body arrives", async () => {
    // 100 of the 2,048 bytes declared are sent: the answer cannot come from counting them
    const answer = await sendChunked([Buffer.alloc(100, "x")], { "content-length": "2048" });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
  });

  it("answers 413, not a reset, to a chunked body over the limit", async () => {
    const answer = await sendChunked(Array.from({ length: 8 }, () => Buffer.alloc(512, "x")));
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
  });

  it("answers 413 to a gzip body whose decoded size is over the limit", async () => {
    const answer = await sendChunked([gzipSync(Buffer.alloc(64 * 1024, "x"))], { "content-encoding": "gzip" });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
  });

  it("answers 413 to gzip members that decode to nothing once their compressed bytes pass twice the limit", async () => {
    const empty = gzipSync(Buffer.alloc(0));
    // the decoded size stays 0: only the compressed bytes can end the read
    const answer = await sendChunked(Array.from({ length: Math.ceil((2 * LIMIT) / empty.length) + 1 }, () => empty), { "content-encoding": "gzip" });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
    const declared = await sendChunked([empty], { "content-encoding": "gzip", "content-length": String(2 * LIMIT + 1) });
    expect(declared.status).toBe(413);
  });

  it("reads gzip of data it cannot compress up to the limit, though its compressed bytes are more", async () => {
    const data = randomBytes(LIMIT);
    const compressed = gzipSync(data);
    expect(compressed.length).toBeGreaterThan(LIMIT);
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "content-encoding": "gzip" } });
    const answer = new Promise<string>((resolve) => req.on("response", (res) => res.setEncoding("utf8").on("data", resolve)));
    req.end(compressed);
    expect(JSON.parse(await answer)).toEqual({ bytes: LIMIT });
  });

  it("answers 400 to a large body that is not gzip, and the connection goes on to the next request", async () => {
    const garbage = Buffer.alloc(200 * 1024, "not gzip");
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.setEncoding("latin1").on("data", (text: string) => (received += text));
    socket.write(`POST ${LARGE} HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: ${garbage.length}\r\n\r\n`);
    socket.write(garbage);
    socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    for (let waited = 0; (received.match(/HTTP\/1\.1 /g) ?? []).length < 2 && waited < 100; waited++) await new Promise((r) => setTimeout(r, 20));
    socket.destroy();
    expect(received.match(/HTTP\/1\.1 \d{3}/g)).toEqual(["HTTP/1.1 400", "HTTP/1.1 200"]);
  });

  it("gives up a gzip body whose client goes away in the middle of it", async () => {
    const before = settled;
    // under the limit once decoded: what is read of it is never refused as too large
    const gzipped = gzipSync(randomBytes(900));
    const socket = net.connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: ${gzipped.length}\r\n\r\n`);
    socket.write(gzipped.subarray(0, 50));
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    for (let waited = 0; settled === before && waited < 50; waited++) await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(before + 1);
  });
});

// Forwards one HTTP request, body and answer streamed, to a server on this
// machine: a machine worker (machine-worker.ts) hands the requests it does
// not serve itself (pages, session APIs) to the main process's Next.js.
import http from "node:http";
import { pipeline } from "node:stream";

/** Connection-level headers, which describe one hop and are not forwarded. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);

function forwarded(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

export function proxyRequest(req: http.IncomingMessage, res: http.ServerResponse, target: { host: string; port: number }, agent: http.Agent): void {
  const headers = forwarded(req.headers);
  const client = req.socket.remoteAddress;
  if (client) headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${client}` : client;
  const upstream = http.request({ host: target.host, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwarded(answer.headers));
    // should the main process die in the middle of its answer, pipeline destroys res as well:
    // the client's connection is cut, and a truncated answer is not taken for a whole one
    pipeline(answer, res, () => undefined);
  });
  upstream.on("error", (err) => {
    console.error(`proxying ${req.method} ${req.url} to the main process failed:`, err.message);
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("The app is restarting; retry in a moment.");
  });
  // the client went away before the answer was complete: stop the upstream request too
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

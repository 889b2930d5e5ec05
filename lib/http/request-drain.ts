// Graceful shutdown of an http.Server whose connections may be handed to it
// (server.emit("connection")) rather than accepted by its own listener:
// server.close() does not wait for those, so requests are counted here.
import type http from "node:http";

export type RequestDrain = {
  /** Resolves true once no request is in flight (idle keep-alive connections closed as they go idle), or false after `graceMs`. */
  drained: (graceMs: number) => Promise<boolean>;
};

export function countRequests(server: http.Server): RequestDrain {
  let inFlight = 0;
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight++;
    res.once("close", () => inFlight--);
  });
  return {
    drained: async (graceMs) => {
      const deadline = Date.now() + graceMs;
      for (;;) {
        server.closeIdleConnections();
        if (inFlight === 0) {
          server.closeAllConnections();
          return true;
        }
        if (Date.now() >= deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

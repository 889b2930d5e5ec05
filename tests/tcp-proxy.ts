// A TCP proxy in front of PostgreSQL that a test can cut or stall, to make
// the database unreachable for the code under test while the test keeps its
// own direct connection.
import net from "node:net";
import type { AddressInfo } from "node:net";

export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  };
  let state: "open" | "stalled" | "cut" = "open";
  const server = net.createServer((client) => {
    if (state === "cut") return client.destroy();
    track(client);
    if (state === "stalled") return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const destroyAll = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    /** Drops every connection and refuses new ones: clients see errors at once. */
    cut() {
      state = "cut";
      destroyAll();
    },
    /**
     * Stops forwarding and closes nothing, as a network partition or a hung
     * server does: queries and new connections wait, unanswered, with no error.
     */
    stall() {
      state = "stalled";
      for (const s of sockets) {
        s.unpipe();
        s.pause();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        destroyAll();
      }),
  };
}

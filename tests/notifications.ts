// A LISTEN connection of its own for tests that expect PostgreSQL
// notifications (delivered at the commit of what sent them).
import pg from "pg";

export type Notifications = {
  /**
   * Resolves once `channel` carried `payload` (throws after 2 s). Each
   * notification answers one call, so calling twice awaits a second one.
   */
  received: (channel: string, payload: string) => Promise<void>;
  close: () => Promise<void>;
};

export async function listenTo(channels: string[]): Promise<Notifications> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const seen: { channel: string; payload: string | undefined }[] = [];
  client.on("notification", (n) => seen.push({ channel: n.channel, payload: n.payload }));
  for (const channel of channels) await client.query(`LISTEN ${channel}`);
  return {
    received: async (channel, payload) => {
      const deadline = Date.now() + 2000;
      let index: number;
      while ((index = seen.findIndex((n) => n.channel === channel && n.payload === payload)) < 0) {
        if (Date.now() > deadline) throw new Error(`no notification on ${channel} for ${payload}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      seen.splice(index, 1);
    },
    close: () => client.end(),
  };
}

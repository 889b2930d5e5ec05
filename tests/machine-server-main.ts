// A second app instance for concurrency tests: the machine door in its own
// process on the same database. Prints its URL on stdout.
import { startMachineServer } from "./machine-server";

const server = await startMachineServer();
console.log(server.url);
process.on("SIGTERM", () => {
  server.close().finally(() => process.exit(0));
});

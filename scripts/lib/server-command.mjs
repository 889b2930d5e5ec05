// How the app server process is started, by npm start and by the benchmarks
// alike. The heap is capped: Node otherwise lets garbage grow to several
// hundred MB before collecting (measured: peak RSS 476 MB uncapped, 274 MB
// at 192 MB of old space, under the ingest benchmark).
export function serverArgs(extra = []) {
  const heapMb = Number(process.env.SERVER_MAX_OLD_SPACE_MB ?? 256);
  return [...extra, `--max-old-space-size=${heapMb}`, "--import", "tsx", "server.ts"];
}

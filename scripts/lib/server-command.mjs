// How the app server process is started, by npm start and by the benchmarks
// alike. The old space is capped: Node otherwise lets garbage grow to several
// hundred MB before collecting (measured: peak RSS 476 MB uncapped, 274 MB
// at 192 MB of old space, under the ingest benchmark). The young generation
// is larger than Node's default: an ingest batch's parsed and validated
// events live for its whole request (hundreds of ms under load), so with
// small semi-spaces every scavenge copies them and then promotes them
// (measured under bench:ingest's batches: 150 scavenges and 2.3 s of GC at
// the default, 39 and 1.3 s at 64 MB, for about 90 MB more peak RSS).
export function serverArgs(extra = []) {
  const heapMb = Number(process.env.SERVER_MAX_OLD_SPACE_MB ?? 256);
  const semiSpaceMb = Number(process.env.SERVER_SEMI_SPACE_MB ?? 64);
  return [...extra, `--max-old-space-size=${heapMb}`, `--max-semi-space-size=${semiSpaceMb}`, "--import", "tsx", "server.ts"];
}

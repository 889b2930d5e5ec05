// PostgreSQL's own COPY as the ceiling for ingest: the rows ingest stored,
// copied out, then loaded by COPY into bench_copy, a bare table of the same
// shape and indexes as usage_events.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export type CopyResult = { rows: number; seconds: number };

/** The stored events in COPY text format. */
export async function prepareCopy(db: pg.Client): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of db.query(copyTo("COPY usage_events TO STDOUT"))) chunks.push(chunk as Buffer);
  return chunks;
}

/** Creates an empty bench_copy, times COPY of the rows into it, then drops it. */
export async function copyIntoBareTable(db: pg.Client, chunks: Buffer[]): Promise<CopyResult> {
  await db.query("CREATE TABLE bench_copy (LIKE usage_events INCLUDING ALL)");
  const started = performance.now();
  const load = db.query(copyFrom("COPY bench_copy FROM STDIN"));
  await pipeline(Readable.from(chunks), load);
  const seconds = (performance.now() - started) / 1000;
  await db.query("DROP TABLE bench_copy");
  return { rows: load.rowCount, seconds };
}

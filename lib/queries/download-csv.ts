// Client download of a CSV export with progress: the response is read as a
// stream (bytes and lines counted as they arrive), then saved through a Blob
// URL under the file name the server gives.
import type { ErrorBody } from "@/lib/http/errors";
import { ApiError } from "./fetch-json";

export type DownloadProgress = { bytes: number; rows: number };

export async function downloadCsv(url: string, onProgress: (progress: DownloadProgress) => void): Promise<DownloadProgress> {
  const res = await fetch(url);
  if (!res.ok || !res.body) {
    const error = ((await res.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? "http_error", error?.message ?? `Export failed (${res.status}).`);
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const progress: DownloadProgress = { bytes: 0, rows: 0 };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    progress.bytes += value.byteLength;
    for (const byte of value) if (byte === 10) progress.rows++;
    onProgress({ ...progress });
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "export.csv";
  const href = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
  const link = Object.assign(document.createElement("a"), { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
  // the header line is not a row
  return { ...progress, rows: Math.max(0, progress.rows - 1) };
}

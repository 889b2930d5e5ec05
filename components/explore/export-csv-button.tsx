"use client";

import { useState } from "react";
import { formatCount } from "@/lib/format";
import { type DownloadProgress, downloadCsv } from "@/lib/queries/download-csv";

type State = { kind: "idle" } | { kind: "running"; progress: DownloadProgress } | { kind: "done"; progress: DownloadProgress } | { kind: "failed"; message: string };

const size = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Downloads `url` as a CSV file, showing rows and bytes received while it streams. */
export function ExportCsvButton({ url, label = "Export CSV" }: { url: string; label?: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const run = async () => {
    setState({ kind: "running", progress: { bytes: 0, rows: 0 } });
    try {
      const progress = await downloadCsv(url, (p) => setState({ kind: "running", progress: p }));
      setState({ kind: "done", progress });
    } catch (err) {
      setState({ kind: "failed", message: err instanceof Error ? err.message : "Export failed." });
    }
  };
  return (
    <span className="explore-export">
      <button className="btn" type="button" onClick={run} disabled={state.kind === "running"}>
        {label}
      </button>
      <span role="status" className={state.kind === "failed" ? "error-text" : "muted"}>
        {state.kind === "running" && `Exporting… ${formatCount(state.progress.rows)} rows, ${size(state.progress.bytes)}`}
        {state.kind === "done" && `Exported ${formatCount(state.progress.rows)} rows (${size(state.progress.bytes)}).`}
        {state.kind === "failed" && `Export failed: ${state.message}`}
      </span>
    </span>
  );
}

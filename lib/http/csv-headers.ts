/** Headers of a CSV download named `filename`. */
export function csvHeaders(filename: string): HeadersInit {
  return { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" };
}

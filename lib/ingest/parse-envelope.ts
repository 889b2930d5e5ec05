// The request body of an ingest endpoint as a list of raw items: JSON
// `{"<key>": [...]}` or NDJSON (one item per line). A body that cannot be read
// at all is a 400; a bad NDJSON line only rejects that item.
import { AppError } from "@/lib/http/errors";
import { MAX_ITEMS_PER_REQUEST } from "@/lib/schemas/events";
import { mayHoldUnstorableText } from "./unstorable-text";

/** `mayHoldUnstorableText`: whether items must be checked for text PostgreSQL cannot store (unstorable-text.ts). */
export type Envelope = { items: unknown[]; lineErrors: Map<number, string>; mayHoldUnstorableText?: boolean };

const NDJSON = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"]);

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "application/json").split(";", 1)[0].trim().toLowerCase();
}

/** The 413 of a request holding `count` items, more than MAX_ITEMS_PER_REQUEST (`what`: how the items are named). */
export function tooMany(count: number, what = "items per request"): AppError {
  return new AppError("payload_too_large", `At most ${MAX_ITEMS_PER_REQUEST} ${what}; this one has ${count}.`);
}

export function parseEnvelope(body: Buffer, contentType: string | undefined, key: "events" | "outcomes"): Envelope {
  const type = mediaType(contentType);
  const text = body.toString("utf8");
  if (NDJSON.has(type)) return { ...parseNdjson(text), mayHoldUnstorableText: mayHoldUnstorableText(text) };
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("unsupported_media_type", `Content-Type '${type}' is not supported; send application/json or application/x-ndjson.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("invalid_body", "The request body is not valid JSON.");
  }
  const items = (parsed as Record<string, unknown> | null)?.[key];
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Array.isArray(items)) {
    throw new AppError("invalid_body", `The body must be an object {"${key}": [...]}.`, [{ path: key, message: "must be an array" }]);
  }
  if (items.length > MAX_ITEMS_PER_REQUEST) throw tooMany(items.length);
  return { items, lineErrors: new Map(), mayHoldUnstorableText: mayHoldUnstorableText(text) };
}

function parseNdjson(text: string): Envelope {
  const items: unknown[] = [];
  const lineErrors = new Map<number, string>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (items.length === MAX_ITEMS_PER_REQUEST) throw tooMany(items.length + 1);
    try {
      items.push(JSON.parse(line));
    } catch {
      lineErrors.set(items.length, "this line is not valid JSON");
      items.push(undefined);
    }
  }
  if (items.length === 0) throw new AppError("invalid_body", "The NDJSON body holds no items.");
  if (lineErrors.size === items.length) throw new AppError("invalid_body", "No line of the NDJSON body is valid JSON.");
  return { items, lineErrors };
}

// Reads a request body on the node:http fast path with its size limit
// enforced while reading (a 413 as soon as the limit is passed, never after
// buffering it all), gzip/deflate decoded with the same limit on the output.
import type { IncomingMessage } from "node:http";
import { createGunzip, createInflate } from "node:zlib";
import type { Readable, Transform } from "node:stream";
import { AppError } from "./errors";

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${limit} bytes.`);
}

function decoder(encoding: string | undefined): Transform | null {
  switch ((encoding ?? "identity").trim().toLowerCase()) {
    case "identity":
    case "":
      return null;
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    default:
      throw new AppError("unsupported_media_type", `Content-Encoding '${encoding}' is not supported; use gzip or none.`);
  }
}

/**
 * Collects `source` (`req`, or `decode` reading it) up to `limit` bytes.
 * Events, not async iteration (that costs an iterator and a destroy per
 * request); the listeners are inline functions (named ones cost a
 * defineProperty each under tsx's keepNames).
 *
 * Past the limit, `req` is drained, never destroyed: that would destroy the
 * socket too, and the client would get a reset instead of the 413.
 */
function collect(req: IncomingMessage, decode: Transform | null, limit: number): Promise<Buffer> {
  const source: Readable = decode ?? req;
  /** The rest of the body is drained unread, so the connection can carry the answer and the next request. */
  const drainUnread = () => {
    if (decode) {
      req.unpipe(decode);
      decode.destroy();
    }
    req.resume();
  };
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks = [];
      drainUnread();
      reject(tooLarge(limit));
    };
    source.on("data", (chunk: Buffer) => {
      if (refused) return; // the rest is drained unread
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else refuse();
    });
    // compressed bytes count too: gzip members that decode to nothing would otherwise be read for ever
    if (decode) {
      let wire = 0;
      req.on("data", (chunk: Buffer) => {
        wire += chunk.length;
        if (!refused && wire > wireLimit(limit)) refuse();
      });
    }
    source.on("end", () => resolve(Buffer.concat(chunks, size)));
    source.on("error", () => {
      if (decode) drainUnread();
      reject(new AppError("invalid_body", `The request body could not be read${decode ? " (bad compressed data)" : ""}.`));
    });
    // the client went away mid-body: pipe does not pass that on to the decoder, which would wait for ever
    if (decode) {
      req.on("error", () => {
        decode.destroy();
        reject(new AppError("invalid_body", "The request body could not be read."));
      });
    }
  });
}

/** The most compressed bytes read for a body of at most `limit` decoded bytes (gzip adds a little to data it cannot compress). */
const wireLimit = (limit: number) => 2 * limit;

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  const encoding = req.headers["content-encoding"];
  if (Number.isFinite(declared) && declared > (encoding ? wireLimit(limit) : limit)) {
    req.resume();
    throw tooLarge(limit);
  }
  const decode = decoder(encoding);
  if (decode) req.pipe(decode);
  return collect(req, decode, limit);
}

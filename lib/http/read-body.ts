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

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  const encoding = req.headers["content-encoding"];
  if (!encoding && Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const decode = decoder(encoding);
  const source: Readable = decode ? req.pipe(decode) : req;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        req.unpipe();
        req.resume();
        throw tooLarge(limit);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("invalid_body", `The request body could not be read${decode ? " (bad compressed data)" : ""}.`);
  }
  return Buffer.concat(chunks, size);
}

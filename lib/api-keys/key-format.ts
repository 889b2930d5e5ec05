// API keys: "fo_" + 32 random bytes (base64url). Keys carry 256 bits of
// entropy, so a fast SHA-256 is the right hash (no salt or KDF needed to
// resist guessing); only the hash and a short display prefix are stored.
import { createHash, randomBytes } from "node:crypto";

const PREFIX_LENGTH = 10;
/** Revoking a key notifies this channel with its hash (caches drop it at once). */
export const API_KEY_CHANNEL = "finops_api_keys";

export function generateApiKey(): { secret: string; prefix: string; hash: string } {
  const secret = `fo_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), hash: hashApiKey(secret) };
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return /^fo_[A-Za-z0-9_-]{43}$/.test(value);
}

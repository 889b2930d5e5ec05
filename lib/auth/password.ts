// Password hashing with scrypt, a memory-hard KDF from node:crypto (no native
// install scripts). Format: scrypt$N$r$p$salt$key (base64url).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/** Stored parameters this process accepts: no weaker than it writes, and bounded in cost (N a power of two). */
function acceptable(n: number, r: number, p: number): boolean {
  const whole = [n, r, p].every((x) => Number.isInteger(x));
  return whole && n >= N && n <= 2 ** 20 && (n & (n - 1)) === 0 && r >= R && r <= 32 && p >= P && p <= 16;
}

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Constant-time check; false for any malformed stored hash: another format,
 * a salt or key of another length (an empty key would equal any empty
 * output), or scrypt parameters weaker than hashPassword's or out of bounds.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (!acceptable(n, r, p)) return false;
  const salt = Buffer.from(parts[4], "base64url");
  const expected = Buffer.from(parts[5], "base64url");
  if (salt.length !== SALT_LENGTH || expected.length !== KEY_LENGTH) return false;
  const actual = await scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("demo-password");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("demo-password", stored)).toBe(true);
    expect(await verifyPassword("demo-passwore", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("x")).not.toBe(await hashPassword("x"));
  });

  const salt = Buffer.alloc(16, 1).toString("base64url");
  const key = Buffer.alloc(64, 2).toString("base64url");
  it.each([
    "",
    "plain",
    "scrypt$a$b$c$d$e",
    "bcrypt$1$1$1$aa$bb",
    "scrypt$16384$8$1$aa$", // an empty key would equal an empty output
    "scrypt$2$1$1$$", // weak parameters, empty salt and key
    `scrypt$16384$8$1$aa$${key}`, // a short salt
    `scrypt$16384$8$1$${salt}$${key.slice(0, 20)}`, // a short key
    `scrypt$3$8$1$${salt}$${key}`, // N not a power of two: scrypt itself would throw
    `scrypt$1024$8$1$${salt}$${key}`, // weaker than hashPassword's
    `scrypt$${2 ** 30}$8$1$${salt}$${key}`, // too costly to compute
  ])("refuses malformed hash %j", async (stored) => {
    await expect(verifyPassword("x", stored)).resolves.toBe(false);
  });
});

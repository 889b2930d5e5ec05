// `npm start` builds only when no build of the current sources exists: a hash
// of everything the build reads is kept next to the build output.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const STAMP = path.join(".next", "finops-source-hash");

function walk(root, rel, files) {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isFile()) {
    if (!/\.test\.tsx?$/.test(rel)) files.push(rel);
    return;
  }
  for (const entry of fs.readdirSync(full).sort()) {
    if (!SKIP.has(entry)) walk(root, path.join(rel, entry), files);
  }
}

export function sourceHash(root) {
  const files = [];
  for (const input of INPUTS) walk(root, input, files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root, hash) {
  const stamp = path.join(root, STAMP);
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash;
}

export function writeStamp(root, hash) {
  fs.writeFileSync(path.join(root, STAMP), hash);
}

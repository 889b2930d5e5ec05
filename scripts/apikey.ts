// npm run apikey -- --org <slug> --name <label> [--team <slug>] [--scopes ingest,policy]
// Creates an API key headlessly and prints it alone on the last line (API.md).
import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { closeDb, prisma } from "@/lib/db";
import { ApiKeyScope } from "@/lib/schemas/api-keys";

function fail(message: string): never {
  console.error(`apikey: ${message}`);
  console.error("usage: npm run apikey -- --org <slug> --name <label> [--team <slug>] [--scopes ingest,policy]");
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: { org: { type: "string" }, name: { type: "string" }, team: { type: "string" }, scopes: { type: "string", default: "ingest,policy" } },
    strict: true,
  });
  if (!values.org) fail("--org is required");
  if (!values.name?.trim()) fail("--name is required");
  const scopes = values.scopes.split(",").map((s) => s.trim()).filter(Boolean);
  const parsed = ApiKeyScope.array().min(1).safeParse(scopes);
  if (!parsed.success) fail(`--scopes must be a comma-separated list of ${ApiKeyScope.options.join(", ")}`);

  const org = await prisma().organization.findUnique({ where: { slug: values.org } });
  if (!org) fail(`no organisation with slug '${values.org}'`);
  let teamId: string | null = null;
  if (values.team) {
    const team = await prisma().team.findUnique({ where: { orgId_slug: { orgId: org.id, slug: values.team } } });
    if (!team) fail(`organisation '${values.org}' has no team '${values.team}'`);
    teamId = team.id;
  }
  const { apiKey, secret } = await createApiKey({ orgId: org.id, name: values.name.trim(), scopes: [...new Set(parsed.data)], teamId });
  console.error(`created API key '${apiKey.name}' (${apiKey.scopes.join(", ")}${values.team ? `, team ${values.team}` : ""}) for ${org.slug}; it is shown only once:`);
  console.log(secret);
}

main()
  .catch((err: unknown) => {
    console.error(`apikey: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());

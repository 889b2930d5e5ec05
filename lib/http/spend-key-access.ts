import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";

// Who may read spend and events with an API key, as GET /api/v1/spend decides:
// an `admin` key (every team, or its own when team-bound) or a team-bound key
// of any scope (its own team only). An unbound ingest or policy key, which
// sits in many services, never reads the whole organisation.
const keyMayReadSpend = (key: ApiKeyPrincipal) => key.scopes.includes("admin") || key.teamId !== null;

const SPEND_KEY_REFUSAL = "Reading spend needs an API key with the 'admin' scope or a key bound to a team.";

/** The key rule of every spend and event reading route. */
export const SPEND_KEY_ACCESS = { keyMay: keyMayReadSpend, keyRefusal: SPEND_KEY_REFUSAL };

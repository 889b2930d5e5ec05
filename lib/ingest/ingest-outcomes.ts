import { getOutcomeKindDefaults } from "@/lib/roi/outcome-kind-defaults";
import { withKindDefaults } from "@/lib/roi/resolve-outcome-value";
import { type IngestResponse, OutcomeInput } from "@/lib/schemas/events";
import { GroupCommit } from "./group-commit";
import { ingestBody, ingestGroupCommitOptions, type IngestRequest, type ItemPipeline } from "./ingest-items";
import { type Columns, type Pending, storeRows, storeSql, unnestInput } from "./store-rows";

type OutcomeRow = {
  orgId: string;
  outcomeId: string;
  ts: Date;
  teamSlug: string;
  feature: string;
  traceId: string | null;
  kind: string;
  valueUsd: string;
  count: number;
  apiKeyId: string;
  teamCallsOnly: boolean;
};

const COLUMNS: Columns<OutcomeRow> = [
  ["org_id", "text", "orgId"],
  ["outcome_id", "text", "outcomeId"],
  ["ts", "timestamptz", "ts"],
  ["team_slug", "text", "teamSlug"],
  ["feature", "text", "feature"],
  ["trace_id", "text", "traceId"],
  ["kind", "text", "kind"],
  ["value_usd", "numeric", "valueUsd"],
  ["count", "int", "count"],
  ["api_key_id", "text", "apiKeyId"],
  ["team_calls_only", "bool", "teamCallsOnly"],
];

const STORED = COLUMNS.map(([c]) => c).filter((c) => c !== "team_slug");

// Outcomes are idempotent on (org_id, outcome_id), like events.
const STORE_OUTCOMES_SQL = storeSql(
  (onConflict) => `
WITH input AS (${unnestInput(COLUMNS)})
INSERT INTO outcomes (${STORED.join(", ")}, team_id)
SELECT ${STORED.map((c) => `x.${c}`).join(", ")}, t.id
  FROM input x JOIN teams t ON t.org_id = x.org_id AND t.slug = x.team_slug
${onConflict}
RETURNING org_id, outcome_id AS id`,
  "(org_id, outcome_id)",
);

const committer = new GroupCommit<Pending<OutcomeRow>, boolean>(
  (items) => storeRows(items, STORE_OUTCOMES_SQL, COLUMNS, (row) => row.outcomeId),
  ingestGroupCommitOptions("OUTCOMES"),
);

/** OutcomeInput with valueUsd resolved: as sent, else the kind's default × count (rejected naming valueUsd when there is none). */
type ResolvedOutcome = ReturnType<typeof withKindDefaults<typeof OutcomeInput>>;

const outcomes = (schema: ResolvedOutcome): ItemPipeline<ResolvedOutcome, OutcomeRow> => ({
  key: "outcomes",
  schema,
  committer,
  toRow: (o, { ctx, principal, teamSlug, ts }) => ({
    orgId: ctx.orgId, outcomeId: o.id, ts, teamSlug, feature: o.feature, traceId: o.traceId ?? null,
    kind: o.kind, valueUsd: o.valueUsd, count: o.count, apiKeyId: principal.keyId,
    // a team-bound key writes its own team only: its traced outcomes credit only that team's calls (README "ROI attribution")
    teamCallsOnly: principal.teamId !== null,
  }),
});

/**
 * POST /api/v1/outcomes: business value for ROI, with the guarantees of
 * events. The value of an outcome sent without valueUsd is resolved here,
 * once, from the organisation's outcome kinds (lib/roi/outcome-kind-defaults.ts).
 */
export async function ingestOutcomes(request: IngestRequest): Promise<IngestResponse> {
  const defaults = await getOutcomeKindDefaults(request.principal.orgId);
  return ingestBody(outcomes(withKindDefaults(OutcomeInput, defaults)), request);
}

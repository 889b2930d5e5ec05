// Events for the event log tests, written straight to usage_events: the log
// reads stored rows, so ingest (tested elsewhere) is not needed to make them.
import { pool } from "@/lib/db";
import { makeOrg } from "@/tests/factories";

/**
 * A fresh organisation with teams alpha and beta and `count` events between
 * 2026-11-01 and 2026-11-02: every third event shares its timestamp with the
 * next (ties the keyset must break by id); alpha/gpt-4o/answer on even
 * numbers, beta/claude/search on odd; cost 0.000000001 × (n + 1) dollars.
 */
export async function seedEventLog(count: number) {
  const { org, teams } = await makeOrg({ teams: ["alpha", "beta"] });
  await pool().query(
    `INSERT INTO usage_events (org_id, event_id, ts, team_id, feature, provider, model, priced_model, input_tokens, output_tokens,
                               cached_input_tokens, cost_usd, cost_source, unpriced, trace_id, customer_id)
     SELECT $1, 'evt-' || lpad(n::text, 5, '0'), timestamptz '2026-11-01T00:00:00Z' + (n / 3 * 2) * interval '1 second',
            CASE WHEN n % 2 = 0 THEN $2 ELSE $3 END,
            CASE WHEN n % 2 = 0 THEN 'answer' ELSE 'search' END,
            CASE WHEN n % 2 = 0 THEN 'openai' ELSE 'anthropic' END,
            CASE WHEN n % 2 = 0 THEN 'gpt-4o' ELSE 'claude' END,
            CASE WHEN n % 2 = 0 THEN 'gpt-4o' END,
            100 + n, 10, 5, (n + 1) * 0.000000001,
            CASE WHEN n % 2 = 0 THEN 'catalog' ELSE 'unpriced' END, n % 2 = 1,
            'trace-' || (n % 5), CASE WHEN n % 7 = 0 THEN 'cus,"acme"' END
       FROM generate_series(0, $4 - 1) n`,
    [org.id, teams[0].id, teams[1].id, count],
  );
  return { orgId: org.id, alphaId: teams[0].id, betaId: teams[1].id };
}

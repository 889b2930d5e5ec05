-- CreateTable
CREATE TABLE "usage_rollups_customer_daily" (
    "org_id" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "customer_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "events" BIGINT NOT NULL DEFAULT 0,
    "error_events" BIGINT NOT NULL DEFAULT 0,
    "cache_hits" BIGINT NOT NULL DEFAULT 0,
    "unpriced_events" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "saved_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "value_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "latency_ms_sum" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_rollups_customer_daily_pkey" PRIMARY KEY ("org_id","bucket","customer_id","team_id","feature","provider","model")
);

-- CreateTable
CREATE TABLE "usage_rollup_deltas" (
    "org_id" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "team_id" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "customer_id" TEXT,
    "events" BIGINT NOT NULL DEFAULT 0,
    "error_events" BIGINT NOT NULL DEFAULT 0,
    "cache_hits" BIGINT NOT NULL DEFAULT 0,
    "unpriced_events" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "saved_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "value_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "latency_ms_sum" BIGINT NOT NULL DEFAULT 0
);

-- Deltas are appended by every ingest batch and deleted by every compaction:
-- vacuum them often so reads of the table stay a few pages long.
ALTER TABLE "usage_rollup_deltas" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000, autovacuum_analyze_threshold = 5000);

-- The customer rollup of the events stored so far: days in the organisation's time zone, '' = no customer.
INSERT INTO "usage_rollups_customer_daily" ("org_id", "bucket", "customer_id", "team_id", "feature", "provider", "model",
    "events", "error_events", "cache_hits", "unpriced_events", "input_tokens", "output_tokens", "cached_input_tokens",
    "cache_write_tokens", "reasoning_tokens", "cost_usd", "saved_usd", "value_usd", "latency_ms_sum")
SELECT e.org_id, date_trunc('day', e.ts, o.time_zone), coalesce(e.customer_id, ''), e.team_id, e.feature, e.provider, e.model,
       count(*), count(*) FILTER (WHERE status = 'error'), count(*) FILTER (WHERE cache_hit), count(*) FILTER (WHERE unpriced),
       sum(input_tokens), sum(output_tokens), sum(cached_input_tokens), sum(cache_write_tokens), sum(reasoning_tokens),
       sum(cost_usd), sum(saved_usd), coalesce(sum(value_usd), 0), coalesce(sum(latency_ms), 0)
  FROM "usage_events" e JOIN "organizations" o ON o.id = e.org_id
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'finance', 'team_lead', 'viewer');

-- CreateEnum
CREATE TYPE "budget_scope" AS ENUM ('org', 'team', 'feature', 'model', 'api_key');

-- CreateEnum
CREATE TYPE "budget_period" AS ENUM ('day', 'week', 'month', 'quarter');

-- CreateEnum
CREATE TYPE "budget_mode" AS ENUM ('hard', 'soft');

-- CreateEnum
CREATE TYPE "budget_action" AS ENUM ('deny', 'downgrade', 'warn');

-- CreateEnum
CREATE TYPE "fail_mode" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "reservation_status" AS ENUM ('held', 'settled', 'expired', 'released');

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "auto_create_teams" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unreviewed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "org_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("org_id","user_id")
);

-- CreateTable
CREATE TABLE "membership_teams" (
    "org_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,

    CONSTRAINT "membership_teams_pkey" PRIMARY KEY ("org_id","user_id","team_id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "team_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateTable
CREATE TABLE "catalog_prices" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "input_per_mtok" DECIMAL(20,9) NOT NULL,
    "output_per_mtok" DECIMAL(20,9) NOT NULL,
    "cached_input_per_mtok" DECIMAL(20,9),
    "cache_write_per_mtok" DECIMAL(20,9),
    "reasoning_per_mtok" DECIMAL(20,9),
    "source" TEXT NOT NULL DEFAULT 'catalog',

    CONSTRAINT "catalog_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_aliases" (
    "provider" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "model" TEXT NOT NULL,

    CONSTRAINT "model_aliases_pkey" PRIMARY KEY ("provider","alias")
);

-- CreateTable
CREATE TABLE "price_overrides" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "input_per_mtok" DECIMAL(20,9) NOT NULL,
    "output_per_mtok" DECIMAL(20,9) NOT NULL,
    "cached_input_per_mtok" DECIMAL(20,9),
    "cache_write_per_mtok" DECIMAL(20,9),
    "reasoning_per_mtok" DECIMAL(20,9),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_overrides_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "org_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "team_id" TEXT NOT NULL,
    "feature" TEXT NOT NULL DEFAULT 'unassigned',
    "provider" TEXT NOT NULL DEFAULT 'unknown',
    "model" TEXT NOT NULL,
    "priced_model" TEXT,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "cached_input_tokens" INTEGER NOT NULL DEFAULT 0,
    "cache_write_tokens" INTEGER NOT NULL DEFAULT 0,
    "reasoning_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "cost_source" TEXT NOT NULL,
    "unpriced" BOOLEAN NOT NULL DEFAULT false,
    "latency_ms" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'success',
    "cache_hit" BOOLEAN NOT NULL DEFAULT false,
    "saved_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "trace_id" TEXT,
    "reservation_id" TEXT,
    "prompt_hash" TEXT,
    "customer_id" TEXT,
    "user_id" TEXT,
    "value_usd" DECIMAL(20,9),
    "metadata" JSONB,
    "api_key_id" TEXT,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("org_id","event_id")
);

-- CreateTable
CREATE TABLE "usage_rollups_hourly" (
    "org_id" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
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

    CONSTRAINT "usage_rollups_hourly_pkey" PRIMARY KEY ("org_id","bucket","team_id","feature","provider","model")
);

-- CreateTable
CREATE TABLE "usage_rollups_daily" (
    "org_id" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
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

    CONSTRAINT "usage_rollups_daily_pkey" PRIMARY KEY ("org_id","bucket","team_id","feature","provider","model")
);

-- CreateTable
CREATE TABLE "outcomes" (
    "org_id" TEXT NOT NULL,
    "outcome_id" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "team_id" TEXT NOT NULL,
    "feature" TEXT NOT NULL DEFAULT 'unassigned',
    "trace_id" TEXT,
    "kind" TEXT NOT NULL,
    "value_usd" DECIMAL(20,9) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "api_key_id" TEXT,

    CONSTRAINT "outcomes_pkey" PRIMARY KEY ("org_id","outcome_id")
);

-- CreateTable
CREATE TABLE "budgets" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope_type" "budget_scope" NOT NULL,
    "scope_value" TEXT,
    "period" "budget_period" NOT NULL,
    "limit_usd" DECIMAL(20,9) NOT NULL,
    "mode" "budget_mode" NOT NULL DEFAULT 'hard',
    "action" "budget_action" NOT NULL DEFAULT 'deny',
    "downgrade_to" TEXT,
    "alert_thresholds" DECIMAL(6,4)[],
    "fail_mode" "fail_mode" NOT NULL DEFAULT 'open',
    "agent_max_steps" INTEGER,
    "agent_max_cost_usd" DECIMAL(20,9),
    "archived_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "budgets_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateTable
CREATE TABLE "budget_ledgers" (
    "org_id" TEXT NOT NULL,
    "budget_id" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "spent_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "reserved_usd" DECIMAL(20,9) NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_ledgers_pkey" PRIMARY KEY ("org_id","budget_id","period_start")
);

-- CreateTable
CREATE TABLE "reservations" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "estimate_usd" DECIMAL(20,9) NOT NULL,
    "actual_usd" DECIMAL(20,9),
    "status" "reservation_status" NOT NULL DEFAULT 'held',
    "trace_id" TEXT,
    "api_key_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateTable
CREATE TABLE "reservation_holds" (
    "org_id" TEXT NOT NULL,
    "reservation_id" TEXT NOT NULL,
    "budget_id" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "amount_usd" DECIMAL(20,9) NOT NULL,

    CONSTRAINT "reservation_holds_pkey" PRIMARY KEY ("org_id","reservation_id","budget_id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "budget_id" TEXT,
    "kind" TEXT NOT NULL,
    "threshold" DECIMAL(6,4),
    "period_start" TIMESTAMPTZ(3),
    "message" TEXT NOT NULL,
    "payload" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "org_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "actor_api_key_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("org_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "teams_org_id_slug_key" ON "teams"("org_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "catalog_prices_model_effective_from_idx" ON "catalog_prices"("model", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_prices_provider_model_effective_from_key" ON "catalog_prices"("provider", "model", "effective_from");

-- CreateIndex
CREATE INDEX "model_aliases_alias_idx" ON "model_aliases"("alias");

-- CreateIndex
CREATE UNIQUE INDEX "price_overrides_org_id_provider_model_effective_from_key" ON "price_overrides"("org_id", "provider", "model", "effective_from");

-- CreateIndex
CREATE INDEX "usage_events_org_id_ts_idx" ON "usage_events"("org_id", "ts");

-- CreateIndex
CREATE INDEX "usage_events_org_id_trace_id_idx" ON "usage_events"("org_id", "trace_id");

-- CreateIndex
CREATE INDEX "outcomes_org_id_ts_idx" ON "outcomes"("org_id", "ts");

-- CreateIndex
CREATE INDEX "outcomes_org_id_trace_id_idx" ON "outcomes"("org_id", "trace_id");

-- CreateIndex
CREATE INDEX "budgets_org_id_scope_type_scope_value_idx" ON "budgets"("org_id", "scope_type", "scope_value");

-- CreateIndex
CREATE INDEX "reservations_org_id_status_expires_at_idx" ON "reservations"("org_id", "status", "expires_at");

-- CreateIndex
CREATE INDEX "alerts_org_id_created_at_idx" ON "alerts"("org_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_org_id_budget_id_kind_threshold_period_start_key" ON "alerts"("org_id", "budget_id", "kind", "threshold", "period_start");

-- CreateIndex
CREATE INDEX "audit_logs_org_id_created_at_idx" ON "audit_logs"("org_id", "created_at");

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_teams" ADD CONSTRAINT "membership_teams_org_id_user_id_fkey" FOREIGN KEY ("org_id", "user_id") REFERENCES "memberships"("org_id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_teams" ADD CONSTRAINT "membership_teams_org_id_team_id_fkey" FOREIGN KEY ("org_id", "team_id") REFERENCES "teams"("org_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_team_id_fkey" FOREIGN KEY ("org_id", "team_id") REFERENCES "teams"("org_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_overrides" ADD CONSTRAINT "price_overrides_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_ledgers" ADD CONSTRAINT "budget_ledgers_org_id_budget_id_fkey" FOREIGN KEY ("org_id", "budget_id") REFERENCES "budgets"("org_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservation_holds" ADD CONSTRAINT "reservation_holds_org_id_reservation_id_fkey" FOREIGN KEY ("org_id", "reservation_id") REFERENCES "reservations"("org_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_id_budget_id_fkey" FOREIGN KEY ("org_id", "budget_id") REFERENCES "budgets"("org_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable: insight alerts fire once per insight id
ALTER TABLE "alerts" ADD COLUMN "dedupe_key" TEXT;

-- CreateTable
CREATE TABLE "insight_dismissals" (
    "org_id" TEXT NOT NULL,
    "insight_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "team" TEXT,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissed_by_id" TEXT,
    "dismissed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insight_dismissals_pkey" PRIMARY KEY ("org_id","insight_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alerts_org_id_dedupe_key_key" ON "alerts"("org_id", "dedupe_key");

-- AddForeignKey
ALTER TABLE "insight_dismissals" ADD CONSTRAINT "insight_dismissals_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Partial covering indexes (not expressible in schema.prisma), read by
-- lib/insights/load-detail-window.ts: per-trace totals of a recent window,
-- and a 1-in-16 sample of prompt hashes chosen by the hash itself.
CREATE INDEX "usage_events_trace_window_idx" ON "usage_events"("org_id", "ts") INCLUDE ("trace_id", "team_id", "feature", "model", "cost_usd") WHERE "trace_id" IS NOT NULL;

CREATE INDEX "usage_events_prompt_sample_idx" ON "usage_events"("org_id", "ts") INCLUDE ("team_id", "feature", "prompt_hash", "cost_usd") WHERE "prompt_hash" IS NOT NULL AND (hashtext("prompt_hash") & 15) = 0;

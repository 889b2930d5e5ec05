-- CreateIndex
CREATE INDEX "usage_rollups_daily_read_idx" ON "usage_rollups_daily"("org_id", "bucket", "team_id", "feature", "provider", "model", "events", "unpriced_events", "input_tokens", "output_tokens", "cost_usd");

-- CreateIndex
CREATE INDEX "usage_rollups_hourly_read_idx" ON "usage_rollups_hourly"("org_id", "bucket", "team_id", "feature", "provider", "model", "events", "unpriced_events", "input_tokens", "output_tokens", "cost_usd");

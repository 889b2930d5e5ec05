-- Sums of money widen from Decimal(20,9) to Decimal(38,9). One event may cost up to about
-- $10.7 billion (2,147,483,647 tokens of each kind at $1,000,000 per million tokens), so a
-- rollup row or a budget ledger of Decimal(20,9) (at most $99,999,999,999.999999999) could
-- overflow after ten such events: the upsert then failed with numeric_value_out_of_range
-- and every later batch of that organisation with it. Decimal(38,9) holds 10^19 such events.
-- Raising the precision of a numeric at the same scale rewrites neither the tables nor
-- their indexes.
ALTER TABLE "usage_rollups_hourly"
  ALTER COLUMN "cost_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "saved_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "value_usd" SET DATA TYPE DECIMAL(38,9);

ALTER TABLE "usage_rollups_daily"
  ALTER COLUMN "cost_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "saved_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "value_usd" SET DATA TYPE DECIMAL(38,9);

ALTER TABLE "usage_rollups_customer_daily"
  ALTER COLUMN "cost_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "saved_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "value_usd" SET DATA TYPE DECIMAL(38,9);

ALTER TABLE "usage_rollup_deltas"
  ALTER COLUMN "cost_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "saved_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "value_usd" SET DATA TYPE DECIMAL(38,9);

ALTER TABLE "budget_ledgers"
  ALTER COLUMN "spent_usd" SET DATA TYPE DECIMAL(38,9),
  ALTER COLUMN "reserved_usd" SET DATA TYPE DECIMAL(38,9);

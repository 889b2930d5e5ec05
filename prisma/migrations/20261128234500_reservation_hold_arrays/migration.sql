-- A reservation's holds move into its own row: the budgets it is held on
-- and their period starts, as two parallel arrays (the amount held on each
-- is the reservation's estimate). A reserving batch then inserts one row
-- per check instead of one more per matching budget, each with its index
-- entry and foreign-key check.
ALTER TABLE "reservations" ADD COLUMN "hold_budget_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "hold_period_starts" TIMESTAMPTZ(3)[] DEFAULT ARRAY[]::TIMESTAMPTZ(3)[];

UPDATE "reservations" r
   SET "hold_budget_ids" = h.budget_ids, "hold_period_starts" = h.period_starts
  FROM (SELECT "org_id", "reservation_id", array_agg("budget_id" ORDER BY "budget_id") AS budget_ids,
               array_agg("period_start" ORDER BY "budget_id") AS period_starts
          FROM "reservation_holds" GROUP BY 1, 2) h
 WHERE r."org_id" = h."org_id" AND r."id" = h."reservation_id";

-- DropForeignKey
ALTER TABLE "reservation_holds" DROP CONSTRAINT "reservation_holds_org_id_reservation_id_fkey";

-- DropTable
DROP TABLE "reservation_holds";

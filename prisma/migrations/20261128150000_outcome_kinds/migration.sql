CREATE TABLE "outcome_kinds" (
    "org_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "default_value_usd" DECIMAL(20,9),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outcome_kinds_pkey" PRIMARY KEY ("org_id","kind")
);

ALTER TABLE "outcome_kinds" ADD CONSTRAINT "outcome_kinds_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

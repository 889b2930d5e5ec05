-- An outcome sent with a team-bound API key credits only its own team's calls of its trace
-- (README "ROI attribution"). Adding a column with a constant default rewrites nothing; the
-- outcomes already sent with such keys are marked from their key.
ALTER TABLE "outcomes" ADD COLUMN "team_calls_only" BOOLEAN NOT NULL DEFAULT false;

UPDATE "outcomes" o
   SET "team_calls_only" = true
  FROM "api_keys" k
 WHERE k."org_id" = o."org_id" AND k."id" = o."api_key_id" AND k."team_id" IS NOT NULL;

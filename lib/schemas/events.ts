// Wire shapes of POST /api/v1/events and /api/v1/outcomes (API.md). One
// schema per shape, used by the fast path, the tests and the docs.
import { z } from "zod";
import { compiled, ItemUsdAmount, Metadata, Slug, Timestamp } from "./common";
import { UsageInput } from "./usage";

// Objects
const Id = z.string({ error: "is required and must be a string" }).min(1, "must not be empty").max(128, "must be at most 128 characters");
const Ref = z.string().min(1, "must not be empty").max(256, "must be at most 256 characters");

export const EventInput = compiled(z.object({
  id: Id,
  timestamp: Timestamp.optional(),
  team: Slug.optional(),
  feature: Slug.default("unassigned"),
  provider: z.string().trim().toLowerCase().min(1).max(64, "must be at most 64 characters").default("unknown"),
  model: z.string({ error: "is required and must be a string" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  usage: UsageInput.optional(),
  costUsd: ItemUsdAmount.optional(),
  latencyMs: z.number().int("must be a whole number").min(0, "must not be negative").max(2_147_483_647).optional(),
  status: z.enum(["success", "error"], { error: "must be 'success' or 'error'" }).default("success"),
  cacheHit: z.boolean({ error: "must be true or false" }).default(false),
  traceId: Ref.optional(),
  reservationId: Ref.optional(),
  promptHash: Ref.optional(),
  customerId: Ref.optional(),
  userId: Ref.optional(),
  valueUsd: ItemUsdAmount.optional(),
  metadata: Metadata.optional(),
}));
export type EventInput = z.output<typeof EventInput>;

export const OutcomeInput = compiled(z.object({
  id: Id,
  timestamp: Timestamp.optional(),
  team: Slug.optional(),
  feature: Slug.default("unassigned"),
  traceId: Ref.optional(),
  kind: Slug,
  /** Value of the whole outcome (all `count` units). Optional when the kind has a default value (Settings → Outcomes): ingest then stores default × count. */
  valueUsd: ItemUsdAmount.optional(),
  count: z.number().int("must be a whole number").min(1, "must be at least 1").max(1_000_000).default(1),
}));
export type OutcomeInput = z.output<typeof OutcomeInput>;

export const RejectedItem = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type RejectedItem = z.infer<typeof RejectedItem>;

// Endpoints
export const IngestResponse = z
  .object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.array(RejectedItem) })
  .strict();
export type IngestResponse = z.infer<typeof IngestResponse>;

export const MAX_ITEMS_PER_REQUEST = 5000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

// POST /api/v1/policy/check (API.md). Non-reserving checks are answered
// from budget state in memory (budget-state.ts); reserving checks go through
// one short group-committed transaction (reserve.ts). When PostgreSQL cannot
// be reached in time, every matching budget's fail mode decides: any closed
// budget denies, otherwise the call is allowed; both answers say degraded.
import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { isStorageUnavailable } from "@/lib/db-errors";
import { MAX_TIMER_MS, numberSetting } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { GroupCommit, groupCommitOptions } from "@/lib/ingest/group-commit";
import { getOrgContext, type OrgContext, peekOrgContext } from "@/lib/org/org-context";
import { formatUsd, parseUsd } from "@/lib/money";
import { costOfUsage } from "@/lib/pricing/cost-of-usage";
import type { ModelPrice } from "@/lib/pricing/types";
import type { PolicyBudgetState, PolicyCheckBody, PolicyCheckResponse } from "@/lib/schemas/budgets";
import { budgetMatches, type CallScope, type CurrentBudget, guarded, lastKnownBudgets } from "./budget-rows";
import { type BudgetState, getBudgetState, peekBudgetState } from "./budget-state";
import { keepAnswer, matchFor } from "./check-cache";
import { evaluatePolicy, type PolicyInput } from "./evaluate-policy";
import { reserveBatch } from "./reserve";
import type { ReserveRequest, ReserveResult } from "./reserve-decide";
import { traceUsage } from "./trace-usage";
import { StorageDeadline, StorageTimeout } from "./within-time";
import { pool } from "@/lib/db";

// stored as an int (reserve-sql.ts)
const TTL_SECONDS = numberSetting("RESERVATION_TTL_SECONDS", process.env.RESERVATION_TTL_SECONDS, 600, (s) => Number.isInteger(s) && s > 0 && s <= MAX_TIMER_MS, `a whole number of seconds above 0 and at most ${MAX_TIMER_MS}`);

const reservations = new GroupCommit<ReserveRequest, ReserveResult>(reserveBatch, groupCommitOptions("POLICY", { windowMs: 1, maxItems: 200, maxInFlight: 2 }));

function teamOf(ctx: OrgContext, principal: ApiKeyPrincipal, team: string | undefined): string | null {
  if (principal.teamId) {
    const keyTeam = ctx.teamSlugById.get(principal.teamId);
    if (team && keyTeam && team !== keyTeam) throw new AppError("forbidden", `This API key may only check team '${keyTeam}'.`, [{ path: "team", message: `must be '${keyTeam}' or absent` }]);
    return principal.teamId;
  }
  return team ? (ctx.teamIdBySlug.get(team) ?? null) : null;
}

const providerOf = (body: PolicyCheckBody) => body.provider ?? "unknown";

/** The model a price was found under (budgets on a model match it too), or null when unpriced. */
function pricedModelOf(ctx: OrgContext, body: PolicyCheckBody, model: string, now: Date): string | null {
  return ctx.resolvePrice(providerOf(body), model, now)?.model ?? null;
}

/** The call made on another model (a downgrade's), for the budgets it would match there. */
function callOn(ctx: OrgContext, body: PolicyCheckBody, call: CallScope, now: Date): (model: string) => CallScope {
  return (model) => ({ ...call, model, pricedModel: pricedModelOf(ctx, body, model, now) });
}

/** A model's price per million tokens in and out, to compare two models. */
const blendedPrice = (p: ModelPrice) => p.inputPerMTok + p.outputPerMTok;

/** The call's estimate and prices; no trace yet (the caller adds one when a budget guards agents). */
function policyInput(ctx: OrgContext, body: PolicyCheckBody, now: Date): PolicyInput {
  const provider = providerOf(body);
  const usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...body.estimate };
  const dollars = body.estimatedCostUsd === undefined ? null : parseUsd(body.estimatedCostUsd);
  const estimateOn = (model: string) => {
    if (dollars === null) {
      const p = ctx.resolvePrice(provider, model, now);
      return p ? costOfUsage(usage, p) : null;
    }
    if (model === body.model) return dollars;
    // a dollar estimate on another model (a downgrade): scaled by that model's list price against the call's
    const [from, to] = [ctx.resolvePrice(provider, body.model, now), ctx.resolvePrice(provider, model, now)];
    return from && to && blendedPrice(from) > 0n ? (dollars * blendedPrice(to)) / blendedPrice(from) : dollars;
  };
  return { model: body.model, estimate: estimateOn(body.model), estimateOn, trace: null, now };
}

function scopeLabel(ctx: OrgContext, b: { scopeType: string; scopeValue: string | null }): string {
  if (b.scopeType === "org") return "org";
  const value = b.scopeType === "team" ? (ctx.teamSlugById.get(b.scopeValue ?? "") ?? b.scopeValue) : b.scopeValue;
  return `${b.scopeType === "api_key" ? "apiKey" : b.scopeType}:${value}`;
}

function budgetStates(ctx: OrgContext, budgets: CurrentBudget[]): PolicyBudgetState[] {
  return budgets.map((b) => ({
    id: b.id, name: b.name, scope: scopeLabel(ctx, b), period: b.period, limitUsd: formatUsd(b.limit), spentUsd: formatUsd(b.spent),
    reservedUsd: formatUsd(b.reserved), remainingUsd: formatUsd(b.limit - b.spent - b.reserved), resetsAt: b.periodEnd.toISOString(),
  }));
}

function degraded(orgId: string, call: CallScope, model: string): PolicyCheckResponse {
  const closed = lastKnownBudgets(orgId).filter((b) => budgetMatches(b, call) && b.failMode === "closed");
  return closed.length
    ? { decision: "deny", allowed: false, reason: `budget storage is unreachable and budget '${closed[0].name}' fails closed`, model, estimatedCostUsd: null, degraded: true, budgets: [] }
    : { decision: "allow", allowed: true, reason: "budget storage is unreachable; allowed because the matching budgets fail open", model, estimatedCostUsd: null, degraded: true, budgets: [] };
}

const shapeKey = (parts: (string | number | null | undefined)[]) => parts.map((p) => p ?? "\u0001").join("\u0000");

/** What decides the budgets a call matches. */
const callShape = (call: CallScope) => shapeKey([call.teamId, call.feature, call.model, call.pricedModel, call.apiKeyId]);

/**
 * What decides the answer besides the match: the estimate and the prices,
 * named by the span of the price book they were resolved in (a price may start
 * at any instant, so not by the minute).
 */
const answerShape = (ctx: OrgContext, body: PolicyCheckBody, now: Date) =>
  shapeKey([
    body.provider, body.estimatedCostUsd, body.estimate?.inputTokens, body.estimate?.outputTokens, body.estimate?.cachedInputTokens,
    body.estimate?.cacheWriteTokens, body.estimate?.reasoningTokens, ctx.priceBook.unchangedAround(now).from,
  ]);

function answer(input: PolicyInput, result: ReserveResult, budgets: PolicyBudgetState[]): PolicyCheckResponse {
  const { outcome } = result;
  return {
    decision: outcome.decision,
    allowed: outcome.decision !== "deny",
    reason: outcome.reason,
    model: outcome.model,
    ...(result.reservationId ? { reservationId: result.reservationId } : {}),
    estimatedCostUsd: input.estimate === null ? null : formatUsd(outcome.decision === "deny" ? input.estimate : outcome.hold),
    ...(outcome.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
    budgets,
  };
}

/**
 * Organisations whose last reserving batch in this process denied a call:
 * spent to their cap, most reserving checks are denied, and a denial holds
 * nothing, so it may be answered as a read-only check is (DESIGN.md 8).
 */
const denying = new Set<string>();

/** The denial that budget state in memory gives a reserving call, without a transaction; null when it may be allowed. */
async function deniedFromMemory(ctx: OrgContext, call: CallScope, body: PolicyCheckBody, now: Date, storage: StorageDeadline): Promise<PolicyCheckResponse | null> {
  const state = denying.has(ctx.orgId) ? peekBudgetState(ctx.orgId) : undefined;
  // an expired hold still counted in memory must not refuse anyone (the locked path leaves it out)
  if (!state || (state.holdsExpireAt !== null && now.getTime() >= state.holdsExpireAt)) return null;
  const response = await check(ctx, state, call, body, now, storage);
  return response.decision === "deny" ? response : null;
}

async function reserve(ctx: OrgContext, call: CallScope, body: PolicyCheckBody, now: Date, storage: StorageDeadline): Promise<PolicyCheckResponse> {
  const denied = await deniedFromMemory(ctx, call, body, now, storage);
  if (denied) return denied;
  const input = policyInput(ctx, body, now);
  // on a timeout the batch still commits, once: see within-time.ts for the hold it leaves
  const [result] = await storage.within(
    reservations.submit([{ orgId: ctx.orgId, timeZone: ctx.timeZone, call, callOn: callOn(ctx, body, call, now), input, traceId: body.traceId ?? null, ttlSeconds: TTL_SECONDS }]),
  );
  if (result.outcome.decision !== "deny") denying.delete(ctx.orgId);
  else {
    denying.add(ctx.orgId);
    // loaded in the background (one load at a time): the next reserving checks of the organisation can use it
    if (!peekBudgetState(ctx.orgId)) getBudgetState(ctx.orgId).catch(() => undefined);
  }
  return answer(input, result, budgetStates(ctx, result.budgets));
}

/**
 * Answers from budget state in memory. An answer that depends on neither a
 * trace, nor the current second (a retry time), nor budgets of a downgrade's
 * model (the match does not track their periods) is kept for the same call.
 */
async function check(ctx: OrgContext, state: BudgetState, call: CallScope, body: PolicyCheckBody, now: Date, storage: StorageDeadline): Promise<PolicyCheckResponse> {
  const matching = (c: CallScope) => state.budgets.filter((b) => budgetMatches(b, c)).map((b) => guarded(b, state.ledgers, now, ctx.timeZone));
  const match = matchFor(state, ctx, callShape(call), now, () => {
    const budgets = matching(call);
    return { budgets, states: budgetStates(ctx, budgets) };
  });
  const traced = body.traceId !== undefined && match.budgets.some((b) => b.agentGuard);
  const shape = traced ? null : answerShape(ctx, body, now);
  const kept = shape === null ? undefined : match.answers.get(shape);
  if (kept) return kept;
  const input = policyInput(ctx, body, now);
  if (traced) input.trace = await storage.within(traceUsage(pool(), ctx.orgId, body.traceId!));
  const on = callOn(ctx, body, call, now);
  let downgraded = false;
  const budgetsOn = (model: string) => {
    downgraded = true;
    return matching(on(model));
  };
  const response = answer(input, { outcome: evaluatePolicy(input, match.budgets, budgetsOn), budgets: match.budgets, reservationId: null }, match.states);
  if (shape !== null && response.retryAfterSeconds === undefined && !downgraded) keepAnswer(match, shape, response);
  return response;
}

/** `storage` bounds the check's waits for PostgreSQL, together with any its caller already made (authentication). */
export async function checkPolicy(principal: ApiKeyPrincipal, body: PolicyCheckBody, storage = new StorageDeadline(), now = new Date()): Promise<PolicyCheckResponse> {
  let call: CallScope = { teamId: principal.teamId, feature: body.feature, model: body.model, pricedModel: null, apiKeyId: principal.keyId };
  try {
    // storage.within only around I/O: state already in memory is used at once
    const ctx = peekOrgContext(principal.orgId) ?? (await storage.within(getOrgContext(principal.orgId)));
    call = { ...call, teamId: teamOf(ctx, principal, body.team), pricedModel: pricedModelOf(ctx, body, body.model, now) };
    if (body.reserve) return await reserve(ctx, call, body, now, storage);
    const state = peekBudgetState(ctx.orgId) ?? (await storage.within(getBudgetState(ctx.orgId)));
    return await check(ctx, state, call, body, now, storage);
  } catch (err) {
    if (err instanceof StorageTimeout || isStorageUnavailable(err)) return degraded(principal.orgId, call, body.model);
    throw err;
  }
}

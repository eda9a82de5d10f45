import { ACTIVE_REQUEST_STATUSES, type ChatRequest } from "../domain/index.js";
import { rankCandidates } from "../matching/score.js";
import { fail, ok, type Result } from "../result.js";
import { describeSuggestions, type RequestChatValue, type Suggestion } from "./request-chat.js";
import { blockerFor } from "./shared/blocker.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { pendingWith } from "./shared/offer.js";
import { askerFor, loadPool } from "./shared/pool.js";

export interface RenewRequest {
  actor: Actor;
  /** The expired request; the actor's newest expired one when omitted. */
  requestId?: string;
}
export type RenewCode =
  | "NOTHING_TO_RENEW"
  | "NOT_FOUND"
  | "NOT_YOURS"
  | "ALREADY_CLOSED"
  | "OPEN_REQUEST_LIMIT"
  | "PROGRAM_PAUSED"
  | "NOT_ACTIVE";

/**
 * The seeker puts an expired request back: it is ranked afresh (volunteers it was offered to
 * stay excluded) and comes back open with suggestions, or onto the waitlist with the reason
 * and a fresh expiry clock. Renewing a request that is already back is a replay.
 */
export async function renewRequest(deps: Deps, cmd: RenewRequest): Promise<Result<RequestChatValue, RenewCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const s = community.settings;
    let request: ChatRequest | null;
    if (cmd.requestId !== undefined) request = await tx.getRequest(community.id, cmd.requestId);
    else {
      // The newest expired request; else one already back on the list (a second "renew" is a replay).
      const newest = async (status: ChatRequest["status"][]) =>
        (await tx.listRequests(community.id, { seekerId: member.id, status }))
          .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
          .pop() ?? null;
      request = (await newest(["expired"])) ?? (await newest(["open", "waitlisted"]));
      if (!request) return fail("NOTHING_TO_RENEW");
    }
    if (!request) return fail("NOT_FOUND", { requestId: cmd.requestId });
    if (request.seekerId !== member.id) return fail("NOT_YOURS");
    const pool = await loadPool(tx, community, now, { ...request, memberIds: request.suggestions.map((sg) => sg.volunteerId) });
    const describe = (r: ChatRequest): Suggestion[] => describeSuggestions(pool, r);
    const pending = await pendingWith(tx, community.id, member.id);
    if (ACTIVE_REQUEST_STATUSES.includes(request.status)) {
      const blocker = request.status === "waitlisted" ? blockerFor(pool, request, askerFor(pool, request, pending)) : null;
      return ok({
        request,
        suggestions: describe(request),
        notSuggested: {},
        replay: true,
        renewed: true,
        ...(blocker ? { blocker } : {}),
      });
    }
    if (request.status !== "expired") return fail("ALREADY_CLOSED", { status: request.status });
    if (s.programPaused) return fail("PROGRAM_PAUSED");
    if (member.status === "opted_out") return fail("NOT_ACTIVE", { status: member.status });
    const open = await tx.listRequests(community.id, { seekerId: member.id, status: ACTIVE_REQUEST_STATUSES });
    if (open.length >= s.maxOpenRequestsPerSeeker)
      return fail("OPEN_REQUEST_LIMIT", { limit: s.maxOpenRequestsPerSeeker, openRequestId: open[0]?.id ?? null });

    const asker = askerFor(pool, request, pending);
    const { ranked } = rankCandidates(asker, pool.candidates, pool.weights, s.suggestionsShown);
    const renewed: ChatRequest = ranked.length
      ? { ...request, status: "open", suggestions: ranked, waitlistedAt: null, updatedAt: now }
      : { ...request, status: "waitlisted", suggestions: [], waitlistedAt: now, updatedAt: now };
    await tx.saveRequest(renewed);
    const blocker = ranked.length ? null : blockerFor(pool, renewed, asker);
    return ok({
      request: renewed,
      suggestions: describe(renewed),
      notSuggested: {},
      replay: false,
      renewed: true,
      ...(blocker ? { blocker } : {}),
    });
  });
}

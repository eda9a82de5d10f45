import {
  ACTIVE_REQUEST_STATUSES,
  type ChatRequest,
  type MatchReasons,
  readTopics,
  type TopicGuess,
  type TopicProblem,
} from "../domain/index.js";
import { type Exclusion, rankCandidates } from "../matching/score.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { topicWords } from "./shared/topic-words.js";
import { pendingWith } from "./shared/offer.js";
import { askerFor, loadPool, type Pool } from "./shared/pool.js";
import { blockerFor } from "./shared/blocker.js";
import { ref } from "./shared/people.js";
import type { MatchBlocker, PersonRef } from "../domain/index.js";

export interface RequestChat {
  actor: Actor;
  tags: string | readonly string[];
  /** What the seeker wants to learn: 1–3 concrete goals. */
  goals: string;
}

export interface Suggestion {
  volunteer: PersonRef & { bio: string; tags: string[] };
  reasons: MatchReasons;
}
export interface RequestChatValue {
  request: ChatRequest;
  suggestions: Suggestion[];
  /**
   * Why other volunteers sharing a topic with the request were not suggested, counted by reason.
   * Volunteers on other topics are never looked at, so `no_shared_tags` is counted only for
   * those found through an alias spelling that does not resolve to a shared tag.
   */
  notSuggested: Partial<Record<Exclusion, number>>;
  /** True when this exact request was already open: a replay, nothing new was created. */
  replay: boolean;
  /** With no suggestions: why nobody fits now, and what would change it. */
  blocker?: MatchBlocker;
  /** Set when the seeker renewed an expired request (see renew-request). */
  renewed?: boolean;
  /** Topics nobody offers that look like typos of known ones: "did you mean …?". */
  guesses?: TopicGuess[];
}
export type RequestChatCode =
  | "PROGRAM_PAUSED"
  | "NO_TAGS"
  | TopicProblem["code"]
  | "GOALS_REQUIRED"
  | "TEXT_TOO_LONG"
  | "OPEN_REQUEST_LIMIT"
  | "NOT_ACTIVE";

/**
 * A seeker asks for a chat: the request is saved and ranked against every volunteer who can
 * take it and shares a topic with it. With nobody to suggest, it is waitlisted for the batch matcher (still `ok`, with no
 * suggestions). Asking the same thing again while it is open returns the open request.
 */
export async function requestChat(deps: Deps, cmd: RequestChat): Promise<Result<RequestChatValue, RequestChatCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const s = community.settings;
    if (s.programPaused) return fail("PROGRAM_PAUSED");
    if (member.status === "opted_out") return fail("NOT_ACTIVE", { status: member.status });
    const read = readTopics(cmd.tags, await topicWords(tx, community, member.id));
    if (!read.ok) {
      const { code, ...detail } = read.problem;
      return fail(code, detail);
    }
    const { tags } = read;
    const guessed = read.guesses.length > 0 ? { guesses: read.guesses } : {};
    if (tags.length === 0) return fail("NO_TAGS", { example: "ux-design, product-management" });
    const goals = cmd.goals.trim();
    if (goals.length === 0) return fail("GOALS_REQUIRED", { example: "how to move from support into UX research" });
    if (goals.length > 1000) return fail("TEXT_TOO_LONG", { max: 1000 });

    const open = await tx.listRequests(community.id, { seekerId: member.id, status: ACTIVE_REQUEST_STATUSES });
    const same = open.find((r) => r.goals === goals && r.tags.join() === tags.join());
    const pool = await loadPool(tx, community, now, {
      seekerId: member.id,
      tags,
      memberIds: same?.suggestions.map((sg) => sg.volunteerId) ?? [],
    });
    const describe = (r: ChatRequest): Suggestion[] => describeSuggestions(pool, r);
    if (same) {
      const blocker =
        same.status === "waitlisted" ? blockerFor(pool, same, askerFor(pool, same, await pendingWith(tx, community.id, member.id))) : null;
      return ok({
        request: same,
        suggestions: describe(same),
        notSuggested: {},
        replay: true,
        ...(blocker ? { blocker } : {}),
        ...guessed,
      });
    }
    if (open.length >= s.maxOpenRequestsPerSeeker) {
      return fail("OPEN_REQUEST_LIMIT", { limit: s.maxOpenRequestsPerSeeker, openRequestId: open[0]?.id ?? null });
    }

    const request: ChatRequest = {
      id: deps.ids.next("req"),
      communityId: community.id,
      seekerId: member.id,
      tags,
      goals,
      status: "open",
      tried: [],
      suggestions: [],
      referredBy: null,
      createdAt: now,
      updatedAt: now,
    };
    const asker = askerFor(pool, request, await pendingWith(tx, community.id, member.id));
    const { ranked, excluded } = rankCandidates(asker, pool.candidates, pool.weights, s.suggestionsShown);
    const notSuggested: Partial<Record<Exclusion, number>> = {};
    for (const e of excluded) notSuggested[e.why] = (notSuggested[e.why] ?? 0) + 1;
    const saved: ChatRequest = ranked.length
      ? { ...request, status: "open", suggestions: ranked }
      : { ...request, status: "waitlisted", suggestions: [], waitlistedAt: now };
    await tx.saveRequest(saved);
    const blocker = ranked.length ? null : blockerFor(pool, saved, asker);
    return ok({ request: saved, suggestions: describe(saved), notSuggested, replay: false, ...(blocker ? { blocker } : {}), ...guessed });
  });
}

/** A request's saved suggestions as the seeker reads them: each volunteer's name, bio and topics beside the reasons. */
export function describeSuggestions(pool: Pool, r: ChatRequest): Suggestion[] {
  return r.suggestions.flatMap((sg) => {
    const m = pool.members.get(sg.volunteerId);
    const p = pool.volunteers.get(sg.volunteerId);
    return m ? [{ volunteer: { ...ref(m), bio: p?.bio ?? "", tags: p?.expertise ?? [] }, reasons: sg.reasons }] : [];
  });
}

import type { ChatRequest, Intro, MatchReasons } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * The topics a seeker asked about themselves: their profile's interests and the tags of their
 * own requests. A referral request also carries the referred volunteer's fields (so matching
 * needs no shared tag); those are the referrer's judgement, not an interest the two share.
 */
export async function ownTopics(tx: StoreTx, communityId: string, seekerId: string): Promise<Set<string>> {
  const profile = await tx.getSeeker(communityId, seekerId);
  const requests = await tx.listRequests(communityId, { seekerId });
  return new Set([...(profile?.interests ?? []), ...requests.filter((r) => r.referredBy === null).flatMap((r) => r.tags)]);
}

/** Match reasons whose shared tags are only the real overlap with what the seeker asked about. */
export function realOverlap(reasons: MatchReasons, topics: ReadonlySet<string>): MatchReasons {
  return { ...reasons, sharedTags: reasons.sharedTags.filter((t) => topics.has(t)) };
}

/** The reasons to show for `request`: a referral's shared tags trimmed to the real overlap. */
export async function shownReasons(tx: StoreTx, request: ChatRequest, reasons: MatchReasons): Promise<MatchReasons> {
  if (request.referredBy === null) return reasons;
  return realOverlap(reasons, await ownTopics(tx, request.communityId, request.seekerId));
}

/**
 * This volunteer's latest decline of an intro from this seeker inside the repeat window, if
 * any: a new intro between them so soon would ask again what they already answered.
 */
export async function recentDecline(
  tx: StoreTx,
  communityId: string,
  seekerId: string,
  volunteerId: string,
  now: Date,
  windowWeeks: number,
): Promise<Intro | null> {
  const since = now.getTime() - Math.max(windowWeeks, 1) * WEEK_MS;
  const declined = (await tx.listIntros(communityId, { seekerId, volunteerId, status: ["declined"] })).filter(
    (i) => (i.respondedAt ?? i.offeredAt).getTime() >= since,
  );
  return declined.at(-1) ?? null;
}

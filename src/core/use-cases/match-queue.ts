import { isAvailableForMatching } from "../domain/index.js";
import { assignBatch } from "../matching/assign.js";
import type { Deps } from "./shared/context.js";
import type { ChatRequest, Intro } from "../domain/index.js";
import { buildOffer } from "./shared/offer.js";
import { askerFor, loadBatchPool } from "./shared/pool.js";
import { blockerFor } from "./shared/blocker.js";
import { enqueue, type NudgeSpec } from "./shared/notify.js";
import { seekerTold } from "./shared/intro-sent.js";
import { shownReasons } from "./shared/referral.js";

const HOUR = 3600_000;

export interface MatchQueueReport {
  communityId: string;
  considered: number;
  offered: number;
  objective: number;
}

/**
 * Batch-matches a community's open queue: waitlisted requests, and open requests whose seeker
 * has not chosen within `staleAfterHours` ("pick for me" by default; referrals excepted). The whole queue is
 * assigned at once, exactly, under every volunteer's remaining capacity (see matching/assign),
 * and each pair becomes an intro. Running it twice offers nothing twice: offered requests
 * leave the queue. A seeker never gets two pending intros with one volunteer: a second
 * request paired with the same volunteer in one run waits for the next run.
 */
export async function matchQueue(deps: Deps, cmd: { communityId: string; staleAfterHours?: number }): Promise<MatchQueueReport> {
  const now = deps.clock.now();
  const stale = now.getTime() - (cmd.staleAfterHours ?? 24) * HOUR;
  return deps.store.tx(async (tx) => {
    const community = await tx.getCommunity(cmd.communityId);
    const report = { communityId: cmd.communityId, considered: 0, offered: 0, objective: 0 };
    if (!community || community.settings.programPaused) return report;
    const queue = (await tx.listRequests(community.id, { status: ["open", "waitlisted"] })).filter(
      // A referral names one person on purpose: it waits for the seeker's own choice.
      (r) => r.status === "waitlisted" || (r.referredBy === null && r.updatedAt.getTime() <= stale),
    );
    const seekers = new Map(
      (
        await tx.getMembers(
          community.id,
          queue.map((r) => r.seekerId),
        )
      ).map((m) => [m.id, m]),
    );
    const live = queue.filter((r) => {
      const m = seekers.get(r.seekerId);
      // Seekers who left, were forgotten or are on a break get no new intro (a pause ends on its date).
      return m !== undefined && isAvailableForMatching(m, now);
    });
    report.considered = live.length;
    if (live.length === 0) return report;
    const pool = await loadBatchPool(tx, community, now);
    const pending = new Map<string, Set<string>>();
    for (const i of await tx.listIntros(community.id, { status: ["pending"] })) {
      pending.set(i.seekerId, (pending.get(i.seekerId) ?? new Set()).add(i.volunteerId));
    }
    const askers = live.map((r) => ({ ...askerFor(pool, r, pending.get(r.seekerId)), requestId: r.id }));
    const result = assignBatch(askers, pool.candidates, pool.weights);
    const byId = new Map(live.map((r) => [r.id, r]));
    // Everything the offers name is read once for the whole round, and every write goes out
    // in a few statements at the end: the round costs a handful of round trips, not a few per pair.
    const profiles = new Map(
      (
        await tx.getSeekers(
          community.id,
          live.map((r) => r.seekerId),
        )
      ).map((p) => [p.memberId, p]),
    );
    const referrerIds = live.flatMap((r) => (r.referredBy === null ? [] : [r.referredBy]));
    const referrers = new Map((await tx.getMembers(community.id, referrerIds)).map((m) => [m.id, m]));
    const intros: Intro[] = [];
    const saved: ChatRequest[] = [];
    const notices: NudgeSpec[] = [];
    for (const p of result.pairs) {
      const request = byId.get(p.requestId);
      const volunteer = pool.members.get(p.volunteerId);
      if (!request || !volunteer) continue;
      // The batch does not know the pairs it makes in this run; on-demand choosing excludes them too.
      const mine = pending.get(request.seekerId) ?? new Set<string>();
      if (mine.has(volunteer.id)) continue;
      pending.set(request.seekerId, mine.add(volunteer.id));
      // What the two really share: a referral's borrowed topics are not an interest in common.
      const shown = await shownReasons(tx, request, p.reasons);
      const referrer = request.referredBy === null ? null : (referrers.get(request.referredBy) ?? null);
      const people = { seeker: seekers.get(request.seekerId) ?? null, profile: profiles.get(request.seekerId) ?? null, referrer };
      const offer = buildOffer(deps, community, request, volunteer, shown, people);
      intros.push(offer.intro);
      saved.push(offer.request);
      notices.push(...offer.notices, seekerTold(request, offer.intro, volunteer, referrer, now));
      report.offered++;
    }
    // Open requests nobody fits move onto the waitlist now, and the seeker hears why once
    // (waitlisted ones already know; their weekly word comes from tend-waitlist).
    const paired = new Set(result.pairs.map((p) => p.requestId));
    for (const [i, r] of live.entries()) {
      const asker = askers[i];
      if (r.status !== "open" || paired.has(r.id) || !asker) continue;
      const blocker = blockerFor(pool, r, asker, result);
      if (!blocker) continue;
      saved.push({ ...r, status: "waitlisted", waitlistedAt: now, updatedAt: now });
      notices.push({
        // The round is the minute it happened: a renewed request that lands here again is told again.
        to: [r.seekerId],
        refId: r.id,
        round: Math.floor(now.getTime() / 60_000),
        dueAt: now,
        notice: { kind: "waitlisted", requestId: r.id, tags: r.tags, blocker },
      });
    }
    await tx.saveIntros(intros);
    await tx.saveRequests(saved);
    await enqueue(tx, deps, community.id, notices);
    report.objective = result.objective;
    return report;
  });
}

import { isAvailableForMatching, type ChatRequest } from "../domain/index.js";
import type { StoreTx } from "../ports/index.js";
import type { Deps } from "./shared/context.js";
import { blockerFor } from "./shared/blocker.js";
import { enqueue } from "./shared/notify.js";
import { pendingWith } from "./shared/offer.js";
import { askerFor, loadPool } from "./shared/pool.js";

const WEEK_MS = 7 * 24 * 3600_000;

export interface TendWaitlistReport {
  communityId: string;
  /** "Still looking" notes written to the outbox in this run. */
  nudged: number;
  /** Requests that reached the community's expiry and were closed (renewable). */
  expired: number;
}

/** When a waitlisted request started waiting (records from before `waitlistedAt` existed use their last change). */
export const waitingSince = (r: ChatRequest): Date => r.waitlistedAt ?? r.updatedAt;

/**
 * Scheduler job, per community: looks after the waitlist. A request that has waited the
 * community's `waitlistExpiryWeeks` expires — the seeker is told and can `renew` it in one
 * click. Before that, each full week of waiting earns one short "still looking" note with the
 * reason that holds now and what would help; the week is part of the note's outbox key, so a
 * seeker hears at most once a week however often this runs, and nothing is lost or repeated
 * across restarts. Weeks in which someone fits (the batch is about to match) or the seeker is
 * on a break are skipped, and so is a community the platform cannot reach. Each request is
 * handled in its own transaction.
 */
export async function tendWaitlist(deps: Deps, cmd: { communityId: string }): Promise<TendWaitlistReport> {
  const now = deps.clock.now();
  const report: TendWaitlistReport = { communityId: cmd.communityId, nudged: 0, expired: 0 };
  const waiting = await deps.store.tx(async (tx) => {
    // A community the platform cannot reach is left as it is: a note could not be sent, and an
    // expiry would close requests that waited only because the app was gone.
    const community = await tx.getCommunity(cmd.communityId);
    return community?.inactiveSince === undefined ? tx.listRequests(cmd.communityId, { status: ["waitlisted"] }) : [];
  });
  for (const seen of waiting) {
    const done = await deps.store.tx(async (tx): Promise<"nudged" | "expired" | null> => {
      const community = await tx.getCommunity(cmd.communityId);
      const r = await tx.getRequest(cmd.communityId, seen.id);
      if (!community || !r || r.status !== "waitlisted") return null;
      const since = waitingSince(r);
      const weeks = Math.floor((now.getTime() - since.getTime()) / WEEK_MS);
      const expiresAt = new Date(since.getTime() + community.settings.waitlistExpiryWeeks * WEEK_MS);
      if (now >= expiresAt) {
        await tx.saveRequest({ ...r, status: "expired", waitlistedAt: null, updatedAt: now });
        await enqueue(tx, deps, community.id, [
          {
            to: [r.seekerId],
            refId: r.id,
            round: roundOf(expiresAt),
            dueAt: now,
            notice: {
              kind: "request_expired",
              requestId: r.id,
              tags: r.tags,
              goals: r.goals,
              weeks: community.settings.waitlistExpiryWeeks,
            },
          },
        ]);
        return "expired";
      }
      if (weeks < 1 || community.settings.programPaused) return null;
      const seeker = await tx.getMember(community.id, r.seekerId);
      if (!seeker || !isAvailableForMatching(seeker, now)) return null;
      const weekStart = new Date(since.getTime() + weeks * WEEK_MS);
      if (await nudgedSince(tx, community.id, r.id, weekStart)) return null;
      const pool = await loadPool(tx, community, now, r);
      const blocker = blockerFor(pool, r, askerFor(pool, r, await pendingWith(tx, community.id, r.seekerId)));
      // Someone fits: the batch introduces them within the hour, which says more than a note.
      if (!blocker) return null;
      const n = await enqueue(tx, deps, community.id, [
        {
          to: [r.seekerId],
          refId: r.id,
          round: roundOf(weekStart),
          dueAt: now,
          notice: { kind: "still_looking", requestId: r.id, tags: r.tags, weeks, blocker, expiresAt },
        },
      ]);
      return n > 0 ? "nudged" : null;
    });
    if (done === "nudged") report.nudged++;
    if (done === "expired") report.expired++;
  }
  return report;
}

/** One outbox round per week of waiting: minutes since the epoch of the week's start. */
const roundOf = (at: Date): number => Math.floor(at.getTime() / 60_000);

/** Was this week's note written already? Saves matching work; the outbox key is what guarantees once. */
async function nudgedSince(tx: StoreTx, communityId: string, requestId: string, weekStart: Date): Promise<boolean> {
  const rows = await tx.listNudges(communityId, { refId: requestId, kinds: ["still_looking"] });
  return rows.some((n) => n.createdAt.getTime() >= weekStart.getTime());
}

import type { ChatRequest, MatchBlocker, PersonRef } from "../../domain/index.js";
import { ok, type Result } from "../../result.js";
import { blockerFor } from "../shared/blocker.js";
import type { Actor, Deps } from "../shared/context.js";
import { pendingWith } from "../shared/offer.js";
import { ref } from "../shared/people.js";
import { askerFor, loadBatchPool } from "../shared/pool.js";
import { waitingSince } from "../tend-waitlist.js";
import { asAdmin } from "./guard.js";

/** One waiting request as an admin sees it. */
export interface QueueItem {
  request: ChatRequest;
  seeker: PersonRef;
  /** Since the seeker asked. */
  askedAt: Date;
  /** Since it went onto the waitlist (waitlisted requests only). */
  waitlistedAt: Date | null;
  /** Why nobody fits now (open or waitlisted requests nobody fits); null when someone does. */
  blocker: MatchBlocker | null;
  /** With an intro pending: the volunteer and their answer deadline. */
  offeredTo: { volunteer: PersonRef; deadline: Date } | null;
}
export interface AdminQueueValue {
  now: Date;
  items: QueueItem[];
}

/**
 * `admin queue`: every request still waiting for a chat — open (the seeker is choosing),
 * offered (an intro is out) or waitlisted — longest-waiting first, each with the reason code
 * the seeker is told. Admins only.
 */
export async function adminQueue(deps: Deps, cmd: { actor: Actor }): Promise<Result<AdminQueueValue, "NOT_ADMIN">> {
  const now = deps.clock.now();
  return asAdmin(deps, cmd.actor, "queue", async (tx, community) => {
    const requests = await tx.listRequests(community.id, { status: ["open", "offered", "waitlisted"] });
    requests.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    const pool = requests.length ? await loadBatchPool(tx, community, now) : null;
    const items: QueueItem[] = [];
    for (const r of requests) {
      const seeker = await tx.getMember(community.id, r.seekerId);
      let offeredTo: QueueItem["offeredTo"] = null;
      let blocker: MatchBlocker | null = null;
      if (r.status === "offered") {
        const [intro] = await tx.listIntros(community.id, { requestId: r.id, status: ["pending"] });
        const v = intro ? await tx.getMember(community.id, intro.volunteerId) : null;
        if (intro)
          offeredTo = { volunteer: v ? ref(v) : { id: intro.volunteerId, name: "a volunteer", timeZone: "UTC" }, deadline: intro.deadline };
      } else if (pool) {
        blocker = blockerFor(pool, r, askerFor(pool, r, await pendingWith(tx, community.id, r.seekerId)));
      }
      items.push({
        request: r,
        seeker: seeker ? ref(seeker) : { id: r.seekerId, name: "a member", timeZone: "UTC" },
        askedAt: r.createdAt,
        waitlistedAt: r.status === "waitlisted" ? waitingSince(r) : null,
        blocker,
        offeredTo,
      });
    }
    return ok({ now, items });
  });
}

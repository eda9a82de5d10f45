import type { Community, PeerGroup, PeerRound } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "../shared/context.js";
import { enqueue, type NudgeSpec } from "../shared/notify.js";
import { ref } from "../shared/people.js";
import { groupTopics } from "./group-slots.js";
import type { RoundPool } from "./round-pool.js";
import { checkInAt } from "./schedule.js";

export type UnpairedWhy = "no_time" | "recent" | "alone";

/**
 * Why a round left a member out: nobody else was in; everyone else was met inside the repeat
 * window or blocked; or the rest shared no free time with them.
 */
export function unpairedWhy(pool: RoundPool, id: string): UnpairedWhy {
  const others = pool.peers.filter((p) => p.member.id !== id);
  if (others.length === 0) return "alone";
  return others.every((p) => pool.excluded(id, p.member.id)) ? "recent" : "no_time";
}

/**
 * The notices a round writes, in its transaction: each group's introduction in its shared
 * conversation (now), each member's "did you meet?" at the end of the period, and a word with
 * the reason to each member nobody could be paired with.
 */
export async function roundNotices(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  r: {
    round: PeerRound;
    groups: readonly PeerGroup[];
    pool: RoundPool;
    unpaired: readonly { id: string; why: UnpairedWhy }[];
    nextRoundAt: Date | null;
  },
): Promise<void> {
  const now = deps.clock.now();
  const askAt = checkInAt(community.settings, r.round.at);
  const peers = new Map(r.pool.peers.map((p) => [p.member.id, p]));
  const specs: NudgeSpec[] = [];
  for (const g of r.groups) {
    const inGroup = g.memberIds.flatMap((id) => {
      const p = peers.get(id);
      return p ? [p] : [];
    });
    const members = inGroup.map((p) => ref(p.member));
    specs.push({
      to: g.memberIds,
      refId: g.id,
      dueAt: now,
      notice: {
        kind: "round_paired",
        groupId: g.id,
        members,
        sharedTags: groupTopics(
          inGroup.map((p) => p.profile.tags),
          r.pool.weights,
        ),
        slots: g.proposedSlots,
        minutes: community.settings.chatMinutes,
        checkInAt: askAt,
      },
    });
    for (const me of inGroup)
      specs.push({
        to: [me.member.id],
        refId: g.id,
        dueAt: askAt,
        notice: { kind: "round_check_in", groupId: g.id, others: members.filter((m) => m.id !== me.member.id) },
      });
  }
  for (const u of r.unpaired)
    specs.push({
      to: [u.id],
      refId: r.round.id,
      dueAt: now,
      notice: { kind: "round_unpaired", roundId: r.round.id, why: u.why, nextRoundAt: r.nextRoundAt },
    });
  await enqueue(tx, deps, community.id, specs);
}

import { newMember, type Member, type Nudge } from "../../src/core/domain/index.js";
import type { Store } from "../../src/core/ports/index.js";
import { loadCommunity } from "../../src/core/use-cases/shared/context.js";

export interface Seeded {
  members: Member[];
  nudges: Nudge[];
}

/**
 * A community with `members` real members and `nudges` pending check-ins, all due by `due`,
 * each to one member (every fifth to a pair, as a chat's shared conversation would be).
 * The runner only delivers to members who exist, so the members are written first.
 */
export async function seedOutbox(store: Store, opts: { communityId: string; members: number; nudges: number; due: Date }): Promise<Seeded> {
  const { communityId, due } = opts;
  const members: Member[] = Array.from({ length: opts.members }, (_, i) =>
    newMember({
      id: `${communityId}:m${i}`,
      communityId,
      displayName: `m${i}`,
      timeZone: "UTC",
      timeZoneConfirmed: true,
      createdAt: due,
    }),
  );
  const nudges: Nudge[] = Array.from({ length: opts.nudges }, (_, i) => {
    const a = members[i % members.length] as Member;
    const b = members[(i + 1) % members.length] as Member;
    const to = i % 5 === 4 ? [a.id, b.id] : [a.id];
    return {
      id: `ndg_${i}`,
      communityId,
      key: `check_in:chat_${i}:${to.join("+")}`,
      to,
      kind: "check_in",
      refId: `chat_${i}`,
      // Spread over the minute before `due`, so the earliest-first order is well defined.
      dueAt: new Date(due.getTime() - 60_000 + Math.floor((i * 60_000) / opts.nudges)),
      notice: { kind: "check_in", chatId: `chat_${i}`, other: { id: b.id, name: b.displayName, timeZone: "UTC" } },
      status: "pending",
      attempts: 0,
      lastError: null,
      leaseOwner: null,
      leaseUntil: null,
      sentAt: null,
      createdAt: due,
    };
  });
  await store.tx(async (tx) => {
    await loadCommunity(tx, communityId, due);
    for (const m of members) await tx.saveMember(m);
    expectAll(await tx.addNudges(nudges), nudges.length);
  });
  return { members, nudges };
}

function expectAll(inserted: number, wanted: number): void {
  if (inserted !== wanted) throw new Error(`seeded ${inserted} of ${wanted} nudges`);
}

import type { PeerGroup } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";

/** The peer group a command means: the one named (a button carries its id), else the member's latest. */
export async function groupMeant(tx: StoreTx, communityId: string, memberId: string, groupId?: string): Promise<PeerGroup | null> {
  return groupId !== undefined
    ? tx.getPeerGroup(communityId, groupId)
    : ((await tx.listPeerGroups(communityId, { memberId })).at(-1) ?? null);
}

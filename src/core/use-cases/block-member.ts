import type { Member } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { passPendingIntros } from "./shared/step-back.js";
import { withdrawChat } from "./shared/withdraw.js";

/**
 * The member never wants to be matched with `targetId` (either direction). A pending intro
 * between them is withdrawn and a chat being set up is called off. The target is never told
 * of the block itself. Blocking twice changes nothing.
 */
export async function blockMember(
  deps: Deps,
  cmd: { actor: Actor; targetId: string },
): Promise<Result<{ member: Member; replay: boolean }, "SELF" | "UNKNOWN_MEMBER">> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    if (cmd.targetId === member.id) return fail("SELF");
    const target = await tx.getMember(community.id, cmd.targetId);
    if (!target) return fail("UNKNOWN_MEMBER", { targetId: cmd.targetId });
    if (member.blocked.includes(target.id)) return ok({ member, replay: true });
    const updated: Member = { ...member, blocked: [...member.blocked, target.id] };
    await tx.saveMember(updated);
    await passPendingIntros(tx, deps, community, updated, target.id);
    await passPendingIntros(tx, deps, community, target, updated.id);
    for (const chat of await tx.listChats(community.id, { memberId: updated.id, status: ["proposing", "scheduled"] })) {
      if (chat.seekerId === target.id || chat.volunteerId === target.id) await withdrawChat(tx, deps, community, chat, updated.id);
    }
    return ok({ member: updated, replay: false });
  });
}

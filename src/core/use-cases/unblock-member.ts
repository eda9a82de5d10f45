import type { Member, PersonRef } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { ref } from "./shared/people.js";

/**
 * Undoes a block: the member may be matched with `targetId` again (from the next match on).
 * Nothing is sent to anyone. Unblocking someone who isn't blocked changes nothing.
 */
export async function unblockMember(
  deps: Deps,
  cmd: { actor: Actor; targetId: string },
): Promise<Result<{ member: Member; target: PersonRef; replay: boolean }, "UNKNOWN_MEMBER">> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const target = await tx.getMember(community.id, cmd.targetId);
    const who = target ? ref(target) : { id: cmd.targetId, name: "them", timeZone: "UTC" };
    if (!member.blocked.includes(cmd.targetId)) return target ? ok({ member, target: who, replay: true }) : fail("UNKNOWN_MEMBER");
    const updated: Member = { ...member, blocked: member.blocked.filter((id) => id !== cmd.targetId) };
    await tx.saveMember(updated);
    return ok({ member: updated, target: who, replay: false });
  });
}

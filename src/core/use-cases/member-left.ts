import type { Member } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import type { Deps } from "./shared/context.js";
import { optOut, type OptOutCounts } from "./shared/opt-out.js";

/**
 * The platform says a member left the workspace or server: treated as `leave` (opted out,
 * nothing more sent, in-flight work called off), except that nobody is created for an unknown
 * id and nothing is sent to the person who left. Replayed events change nothing.
 */
export async function memberLeft(
  deps: Deps,
  cmd: { communityId: string; memberId: string },
): Promise<Result<{ member: Member | null; counts: OptOutCounts | null }, never>> {
  return deps.store.tx(async (tx) => {
    const member = await tx.getMember(cmd.communityId, cmd.memberId);
    const community = await tx.getCommunity(cmd.communityId);
    if (!member || !community || member.status === "opted_out") return ok({ member, counts: null });
    const gone: Member = { ...member, status: "opted_out", pausedUntil: null };
    await tx.saveMember(gone);
    return ok({ member: gone, counts: await optOut(tx, deps, community, gone) });
  });
}

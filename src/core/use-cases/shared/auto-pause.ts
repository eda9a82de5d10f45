import type { Community, Member } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { passPendingIntros } from "./step-back.js";

/**
 * How many intros in a row this volunteer let expire: counted back from the newest offer,
 * stopping at their last accept or decline (withdrawn and still pending intros are skipped).
 */
export async function ignoredInARow(tx: StoreTx, communityId: string, volunteerId: string): Promise<number> {
  const intros = await tx.listIntros(communityId, { volunteerId });
  let n = 0;
  for (let i = intros.length - 1; i >= 0; i--) {
    const s = intros[i]?.status;
    if (s === "accepted" || s === "declined") break;
    if (s === "expired") n++;
  }
  return n;
}

/**
 * After an intro expired: a volunteer who has now ignored `autoPauseAfterIgnored` intros in a
 * row is paused until they resume (status `paused`, `pausedUntil` null — no end date, unlike a
 * pause they chose), told how to come back, and their other waiting intros move on at once.
 * Returns whether it paused them. Off when the setting is 0; only active volunteers are paused.
 */
export async function autoPauseIfIgnored(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  volunteerId: string,
  refId: string,
): Promise<boolean> {
  const limit = community.settings.autoPauseAfterIgnored;
  if (limit <= 0) return false;
  const member = await tx.getMember(community.id, volunteerId);
  if (!member || member.forgotten || member.status !== "active") return false;
  const ignored = await ignoredInARow(tx, community.id, volunteerId);
  if (ignored < limit) return false;
  const paused: Member = { ...member, status: "paused", pausedUntil: null };
  await tx.saveMember(paused);
  await enqueue(tx, deps, community.id, [{ to: [member.id], refId, dueAt: deps.clock.now(), notice: { kind: "auto_paused", ignored } }]);
  await passPendingIntros(tx, deps, community, paused);
  deps.log.info({ communityId: community.id, memberId: member.id, ignored }, "volunteer auto-paused after ignored intros");
  return true;
}

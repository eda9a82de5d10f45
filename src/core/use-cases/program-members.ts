import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { enqueue } from "./shared/notify.js";

/** Platform ref value marking a member Percolate paused because they left the program channel. */
const PAUSED_BY_LEAVING = "paused";

export interface ProgramJoinedValue {
  /** True the first time only: a welcome DM is on its way. A rejoin (or a replayed event) welcomes nobody again. */
  welcomed: boolean;
  /** True when the member had been paused by leaving the channel and is active again. */
  restored: boolean;
}

/**
 * A member joined the program channel (Slack `member_joined_channel`). Someone who was paused
 * because they left it is active again; the first join in this community enqueues the welcome
 * DM with the front door's buttons, once per member (the outbox key is the member's, so a rejoin
 * or a replayed event adds nothing). Joins of other channels, and of members who left Percolate,
 * change nothing. The member is created on first contact, as for any command.
 */
export async function programJoined(
  deps: Deps,
  cmd: { actor: Actor; channelId: string },
): Promise<Result<ProgramJoinedValue, "NOT_PROGRAM_CHANNEL">> {
  const now = deps.clock.now();
  const result = await deps.store.tx(async (tx): Promise<Result<ProgramJoinedValue, "NOT_PROGRAM_CHANNEL">> => {
    const found = await tx.getCommunity(cmd.actor.communityId);
    if (found?.settings.programChannelId !== cmd.channelId) return fail("NOT_PROGRAM_CHANNEL");
    const { community, member } = await loadActor(tx, cmd.actor, now);
    if (member.forgotten || member.status === "opted_out") return ok({ welcomed: false, restored: false });
    let restored = false;
    const mark = await tx.getPlatformRef(community.id, "program_left", member.id);
    if (mark !== null) {
      await tx.dropPlatformRef(community.id, "program_left", member.id, mark);
      if (mark === PAUSED_BY_LEAVING && member.status === "paused" && member.pausedUntil === null) {
        await tx.saveMember({ ...member, status: "active" });
        restored = true;
      }
    }
    const added = await enqueue(tx, deps, community.id, [
      { to: [member.id], refId: member.id, dueAt: now, notice: { kind: "program_welcome" } },
    ]);
    return ok({ welcomed: added > 0, restored });
  });
  // The welcome goes out now rather than on the scheduler's next tick.
  if (result.ok && result.value.welcomed) deps.afterCommand?.();
  return result;
}

/**
 * A member left the program channel (Slack `member_left_channel`): an active member is paused
 * with no end date, which is what stops new intros (matching skips paused volunteers) and
 * rounds (which skip paused members); chats already under way go on. The pause is marked
 * (platform ref `program_left`) so that rejoining the channel resumes them — and only them:
 * someone who had paused on purpose stays paused. Unknown members and other channels change nothing.
 */
export async function programLeft(
  deps: Deps,
  cmd: { communityId: string; memberId: string; channelId: string },
): Promise<Result<{ paused: boolean }, "NOT_PROGRAM_CHANNEL">> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx): Promise<Result<{ paused: boolean }, "NOT_PROGRAM_CHANNEL">> => {
    const community = await tx.getCommunity(cmd.communityId);
    if (community?.settings.programChannelId !== cmd.channelId) return fail("NOT_PROGRAM_CHANNEL");
    const member = await tx.getMember(cmd.communityId, cmd.memberId);
    if (!member || member.forgotten || member.status !== "active") return ok({ paused: false });
    await tx.saveMember({ ...member, status: "paused", pausedUntil: null });
    await tx.claimPlatformRef(cmd.communityId, "program_left", member.id, PAUSED_BY_LEAVING, now);
    deps.log.info({ communityId: cmd.communityId, memberId: member.id }, "paused: left the program channel");
    return ok({ paused: true });
  });
}

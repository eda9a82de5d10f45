import type { Chat, ChatRequest, Intro } from "../domain/index.js";
import type { StoreTx } from "../ports/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor, mustMember } from "./shared/context.js";
import { proposeTimes } from "./shared/propose.js";

export interface AcceptIntro {
  actor: Actor;
  introId: string;
}
export type AcceptCode = "NOT_FOUND" | "NOT_YOURS" | "ALREADY_DECLINED" | "CANCELLED" | "ALREADY_MATCHED" | "REQUEST_CLOSED";

/**
 * The volunteer says yes: a chat is created and its times offered to both (or, with no common
 * time, both are told how to widen their availability; see proposeTimes). Accepting twice
 * returns the same chat. A late yes — after the intro expired — still counts while the seeker
 * waits unmatched (their request back in the queue, no other intro out, no other chat under
 * way): the intro revives. Otherwise the volunteer hears that the seeker has been matched
 * (ALREADY_MATCHED) or no longer needs the chat (REQUEST_CLOSED), with the seeker's name.
 */
export async function acceptIntro(
  deps: Deps,
  cmd: AcceptIntro,
): Promise<Result<{ intro: Intro; chat: Chat; replay: boolean; late: boolean }, AcceptCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const intro = await tx.getIntro(community.id, cmd.introId);
    if (!intro) return fail("NOT_FOUND", { introId: cmd.introId });
    if (intro.volunteerId !== cmd.actor.memberId) return fail("NOT_YOURS");
    if (intro.status === "accepted") {
      // A request can hold several chats (a volunteer cancelled, the next one accepted): replay this intro's own.
      const chat = (await tx.listChats(community.id, { requestId: intro.requestId })).find((c) => c.introId === intro.id);
      if (chat) return ok({ intro, chat, replay: true, late: false });
    }
    if (intro.status === "declined") return fail("ALREADY_DECLINED");
    if (intro.status === "cancelled") return fail("CANCELLED");

    const request = await tx.getRequest(community.id, intro.requestId);
    if (!request) throw new Error(`intro ${intro.id} has no request`);
    const seeker = await mustMember(tx, community.id, intro.seekerId);
    const volunteer = await mustMember(tx, community.id, intro.volunteerId);
    const late = intro.status === "expired";
    if (late) {
      const moved = await movedOn(tx, community.id, request);
      if (moved) return fail(moved, { seeker: seeker.displayName });
    }
    const profile = await tx.getVolunteer(community.id, volunteer.id);
    const accepted: Intro = { ...intro, status: "accepted", respondedAt: now };
    const draft: Chat = {
      id: deps.ids.next("chat"),
      communityId: community.id,
      requestId: request.id,
      introId: intro.id,
      seekerId: seeker.id,
      volunteerId: volunteer.id,
      status: "proposing",
      minutes: community.settings.chatMinutes,
      format: profile?.formats[0] ?? "video",
      proposedSlots: [],
      slot: null,
      reschedules: 0,
      cancelledBy: null,
      outcomeAt: null,
      reports: [],
      invite: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.saveIntro(accepted);
    await tx.saveRequest({ ...request, status: "scheduling", updatedAt: now });
    await tx.cancelNudges(community.id, { refId: intro.id, kinds: ["intro_reminder"] });
    const chat = await proposeTimes(tx, deps, community, draft, seeker, volunteer, { rescheduled: false });
    if (late) deps.log.info({ communityId: community.id, introId: intro.id }, "late accept revived an expired intro");
    return ok({ intro: accepted, chat, replay: false, late });
  });
}

/**
 * Whether the seeker has moved on since this intro expired: their request is closed, or it is
 * with someone else (an intro out, a chat under way or held). Null while they wait unmatched.
 */
async function movedOn(tx: StoreTx, communityId: string, request: ChatRequest): Promise<"ALREADY_MATCHED" | "REQUEST_CLOSED" | null> {
  if (request.status === "cancelled") return "REQUEST_CLOSED";
  if (request.status !== "open" && request.status !== "waitlisted") return "ALREADY_MATCHED";
  const pendingIntros = await tx.listIntros(communityId, { requestId: request.id, status: ["pending"] });
  const liveChats = await tx.listChats(communityId, { requestId: request.id, status: ["proposing", "scheduled"] });
  return pendingIntros.length > 0 || liveChats.length > 0 ? "ALREADY_MATCHED" : null;
}

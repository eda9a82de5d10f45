import type { Chat, Intro } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor, mustMember } from "./shared/context.js";
import { enqueue } from "./shared/notify.js";
import { ref } from "./shared/people.js";
import { slotsFor } from "./shared/slots.js";

export interface AcceptIntro {
  actor: Actor;
  introId: string;
}
export type AcceptCode = "NOT_FOUND" | "NOT_YOURS" | "EXPIRED" | "ALREADY_DECLINED" | "CANCELLED";

/**
 * The volunteer says yes: a chat is created with three proposed slots, sent to both. With no
 * common time the chat waits and both are asked to widen their availability. Accepting twice
 * returns the same chat.
 */
export async function acceptIntro(
  deps: Deps,
  cmd: AcceptIntro,
): Promise<Result<{ intro: Intro; chat: Chat; replay: boolean }, AcceptCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const intro = await tx.getIntro(community.id, cmd.introId);
    if (!intro) return fail("NOT_FOUND", { introId: cmd.introId });
    if (intro.volunteerId !== cmd.actor.memberId) return fail("NOT_YOURS");
    if (intro.status === "accepted") {
      // A request can hold several chats (a volunteer cancelled, the next one accepted): replay this intro's own.
      const chat = (await tx.listChats(community.id, { requestId: intro.requestId })).find((c) => c.introId === intro.id);
      if (chat) return ok({ intro, chat, replay: true });
    }
    if (intro.status === "declined") return fail("ALREADY_DECLINED");
    if (intro.status === "cancelled") return fail("CANCELLED");
    if (intro.status === "expired" || intro.deadline <= now) return fail("EXPIRED", { deadline: intro.deadline });

    const request = await tx.getRequest(community.id, intro.requestId);
    if (!request) throw new Error(`intro ${intro.id} has no request`);
    const seeker = await mustMember(tx, community.id, intro.seekerId);
    const volunteer = await mustMember(tx, community.id, intro.volunteerId);
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
      createdAt: now,
      updatedAt: now,
    };
    const chat: Chat = { ...draft, proposedSlots: await slotsFor(tx, community, draft, seeker, volunteer, now) };
    await tx.saveIntro(accepted);
    await tx.saveChat(chat);
    await tx.saveRequest({ ...request, status: "scheduling", updatedAt: now });
    await tx.cancelNudges(community.id, { refId: intro.id, kinds: ["intro_reminder"] });
    const pair = [
      { me: seeker, other: volunteer, role: "seeker" as const },
      { me: volunteer, other: seeker, role: "volunteer" as const },
    ];
    await enqueue(
      tx,
      deps,
      community.id,
      pair.map(({ me, other, role }) => ({
        to: [me.id],
        refId: chat.id,
        dueAt: now,
        notice:
          chat.proposedSlots.length > 0
            ? {
                kind: "slots_proposed" as const,
                chatId: chat.id,
                other: ref(other),
                slots: chat.proposedSlots,
                minutes: chat.minutes,
                rescheduled: false,
                role,
              }
            : { kind: "no_common_slot" as const, chatId: chat.id, other: ref(other) },
      })),
    );
    return ok({ intro: accepted, chat, replay: false });
  });
}

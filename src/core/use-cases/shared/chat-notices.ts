import type { Chat, Community, Member, Notice } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { afterHappenedNudges, chatNudges, type Party } from "../../nudges/schedule.js";
import { questionsFor, thankYouDraft } from "../../nudges/questions.js";
import { buildInvite } from "../../time/index.js";
import type { Deps } from "./context.js";
import { enqueue, type NudgeSpec } from "./notify.js";
import { card, ref } from "./people.js";
import { inviteUid } from "./calendar.js";

/**
 * The iCalendar invite for a scheduled chat: stable UID per chat, so a reschedule replaces it,
 * with the SEQUENCE recorded on the chat (see withBookedInvite).
 */
export function inviteFor(chat: Chat, seeker: Member, volunteer: Member, goals: string, link: string, now: Date): string {
  if (!chat.slot) throw new Error(`chat ${chat.id} has no slot`);
  return buildInvite({
    uid: inviteUid(chat),
    slot: chat.slot,
    title: `Coffee chat: ${seeker.displayName} & ${volunteer.displayName}`,
    description: `A ${chat.minutes}-minute conversation to learn, not a job request.\nGoals: ${goals}`,
    ...(link ? (/^https?:\/\//.test(link) ? { url: link } : { location: link }) : {}),
    attendees: [{ name: seeker.displayName }, { name: volunteer.displayName }],
    sequence: chat.invite?.sequence ?? chat.reschedules,
    now,
  });
}

/**
 * Puts the confirmation (to the pair, with the invite) and the timed follow-up of a
 * scheduled chat in the outbox. `round` separates the nudges of each reschedule.
 */
export async function enqueueScheduled(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  chat: Chat,
  seeker: Member,
  volunteer: Member,
  goals: string,
): Promise<void> {
  const now = deps.clock.now();
  if (!chat.slot) throw new Error(`chat ${chat.id} has no slot`);
  const profile = await tx.getVolunteer(community.id, volunteer.id);
  const link = profile?.meetingLink ?? "";
  const slot = chat.slot;
  const people: Record<Party, Member> = { seeker, volunteer };
  const other: Record<Party, Member> = { seeker: volunteer, volunteer: seeker };
  const specs: NudgeSpec[] = [
    {
      to: [seeker.id, volunteer.id],
      refId: chat.id,
      dueAt: now,
      round: chat.reschedules,
      notice: {
        kind: "chat_scheduled",
        chatId: chat.id,
        seeker: ref(seeker),
        volunteer: ref(volunteer),
        slot,
        minutes: chat.minutes,
        format: chat.format,
        meetingLink: link,
        goals,
        ics: inviteFor(chat, seeker, volunteer, goals, link, now),
      },
    },
  ];
  for (const n of chatNudges(chat, community.settings, now)) {
    const notice: Notice =
      n.kind === "prep"
        ? {
            kind: "prep",
            chatId: chat.id,
            volunteer: card(volunteer, profile),
            slot,
            minutes: chat.minutes,
            goals,
            questions: questionsFor(goals),
          }
        : n.kind === "chat_reminder"
          ? {
              kind: "chat_reminder",
              chatId: chat.id,
              other: ref(other[n.to]),
              slot,
              minutes: chat.minutes,
              format: chat.format,
              meetingLink: link,
            }
          : { kind: "check_in", chatId: chat.id, other: ref(other[n.to]), ...(n.again ? { again: true } : {}) };
    specs.push({
      to: [people[n.to].id],
      refId: chat.id,
      dueAt: n.dueAt,
      round: chat.reschedules,
      ...(n.again ? { variant: "again" } : {}),
      notice,
    });
  }
  await enqueue(tx, deps, community.id, specs);
}

/** The follow-up after a chat happened: thank-you draft, referral ask, keep-in-touch. */
export async function enqueueAfterHappened(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  chat: Chat,
  seeker: Member,
  volunteer: Member,
  goals: string,
  tags: string[],
): Promise<void> {
  const now = deps.clock.now();
  const specs: NudgeSpec[] = afterHappenedNudges(now, community.settings).map((n) => {
    const notice: Notice =
      n.kind === "thank_you"
        ? { kind: "thank_you", chatId: chat.id, volunteer: ref(volunteer), goals, draft: thankYouDraft(volunteer.displayName, goals) }
        : n.kind === "referral_ask"
          ? { kind: "referral_ask", chatId: chat.id, seeker: ref(seeker), tags }
          : { kind: "keep_in_touch", chatId: chat.id, volunteer: ref(volunteer) };
    return { to: [n.to === "seeker" ? seeker.id : volunteer.id], refId: chat.id, dueAt: n.dueAt, notice };
  });
  await enqueue(tx, deps, community.id, specs);
}

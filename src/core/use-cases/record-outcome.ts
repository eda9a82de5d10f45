import type { Chat, Community, Member, PersonRef } from "../domain/index.js";
import { CHAT_TIMED_KINDS } from "../nudges/schedule.js";
import type { StoreTx } from "../ports/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, mustMember } from "./shared/context.js";
import { chatOfParty } from "./shared/chat-access.js";
import { enqueueAfterHappened } from "./shared/chat-notices.js";
import { enqueue } from "./shared/notify.js";
import { REPORTED_STATUSES, type Reported, reportOf, statusFromReports } from "./shared/outcome-reports.js";
import { ref } from "./shared/people.js";
import { proposeTimes } from "./shared/propose.js";
import { reclaim, requeue } from "./shared/requeue.js";

export interface RecordOutcome {
  actor: Actor;
  chatId: string;
  outcome: "happened" | "no_show" | "rescheduled";
}
export type OutcomeCode = "NOT_FOUND" | "NOT_YOURS" | "NOT_SCHEDULED" | "TOO_EARLY" | "ALREADY_RECORDED" | "MOVED_ON";

export interface OutcomeValue {
  chat: Chat;
  replay: boolean;
  /** The actor's side of the chat, and the other person: the reply is worded for them. */
  role: "seeker" | "volunteer";
  other: PersonRef;
  /** The seeker's request is back in the queue (the chat did not happen, by their word or the other's). */
  requeued: boolean;
}

/** Follow-up that only makes sense after a chat that happened. */
const AFTER_HAPPENED_KINDS = ["thank_you", "referral_ask", "keep_in_touch"];

/**
 * Answers "did it happen?". Each of the two records their own answer; the first one closes the
 * chat. `happened` starts the thank-you, referral and keep-in-touch follow-up. `no_show` sends
 * the seeker's request back to the queue (the volunteer stays excluded) and asks the other
 * person whether it did happen — they can say so (the chat is then `disputed`, both answers
 * kept for the admins), pick a new time with `rescheduled`, or give feedback. On a dispute the
 * seeker's own word decides their request. `rescheduled` (before the chat, or after a no-show
 * while the request has not moved on) offers fresh times. Repeating one's answer changes
 * nothing; changing it is refused with the answer on record.
 */
export async function recordOutcome(deps: Deps, cmd: RecordOutcome): Promise<Result<OutcomeValue, OutcomeCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const access = await chatOfParty(tx, cmd.actor, cmd.chatId, now);
    if (!access.ok) return access;
    const { community, chat } = access.value;
    const seeker = await mustMember(tx, community.id, chat.seekerId);
    const volunteer = await mustMember(tx, community.id, chat.volunteerId);
    const p: Party = {
      tx,
      deps,
      community,
      seeker,
      volunteer,
      me: cmd.actor.memberId === seeker.id ? seeker : volunteer,
      other: cmd.actor.memberId === seeker.id ? volunteer : seeker,
      role: cmd.actor.memberId === seeker.id ? "seeker" : "volunteer",
    };
    const value = (c: Chat, replay: boolean, requeued = false): OutcomeValue => ({
      chat: c,
      replay,
      role: p.role,
      other: ref(p.other),
      requeued,
    });
    if (cmd.outcome === "rescheduled") return reschedule(p, chat, value);

    const mine = reportOf(chat, p.me.id);
    if (mine) return mine.outcome === cmd.outcome ? ok(value(chat, true)) : fail("ALREADY_RECORDED", { outcome: mine.outcome });
    if (chat.reports.length === 0 && (chat.status === "happened" || chat.status === "no_show")) {
      // Recorded before each person's answer was kept: the first answer stands.
      return chat.status === cmd.outcome ? ok(value(chat, true)) : fail("ALREADY_RECORDED", { outcome: chat.status });
    }
    if (chat.status === "scheduled" && chat.slot) {
      if (now < chat.slot.start) return fail("TOO_EARLY", { start: chat.slot.start });
      const r = await firstAnswer(p, chat, cmd.outcome);
      return ok(value(r.chat, false, r.requeued));
    }
    if (REPORTED_STATUSES.includes(chat.status)) {
      const r = await secondAnswer(p, chat, cmd.outcome);
      return ok(value(r.chat, false, r.requeued));
    }
    return fail("NOT_SCHEDULED", { status: chat.status });
  });
}

interface Party {
  tx: StoreTx;
  deps: Deps;
  community: Community;
  seeker: Member;
  volunteer: Member;
  me: Member;
  other: Member;
  role: "seeker" | "volunteer";
}
const otherRole = (p: Party): "seeker" | "volunteer" => (p.role === "seeker" ? "volunteer" : "seeker");

/** The first answer closes the chat: follow-up after `happened`, the queue and the other's say after `no_show`. */
async function firstAnswer(p: Party, chat: Chat, outcome: Reported): Promise<{ chat: Chat; requeued: boolean }> {
  const { tx, deps, community } = p;
  const now = deps.clock.now();
  const closed: Chat = { ...chat, status: outcome, outcomeAt: now, reports: [{ by: p.me.id, outcome, at: now }], updatedAt: now };
  await tx.saveChat(closed);
  await tx.cancelNudges(community.id, { refId: chat.id, kinds: [...CHAT_TIMED_KINDS, "slots_proposed", "no_common_slot"] });
  const request = await tx.getRequest(community.id, chat.requestId);
  if (outcome === "happened") {
    if (request) await tx.saveRequest({ ...request, status: "completed", updatedAt: now });
    await enqueue(tx, deps, community.id, [
      {
        to: [p.other.id],
        refId: chat.id,
        dueAt: now,
        notice: { kind: "outcome_recorded", chatId: chat.id, by: ref(p.me), outcome, readerRole: otherRole(p) },
      },
    ]);
    await enqueueAfterHappened(tx, deps, community, closed, p.seeker, p.volunteer, request?.goals ?? "", request?.tags ?? []);
    return { chat: closed, requeued: false };
  }
  const requeued = await requeue(tx, deps, community, closed);
  await enqueue(tx, deps, community.id, [
    {
      to: [p.other.id],
      refId: chat.id,
      dueAt: now,
      notice: { kind: "no_show_reported", chatId: chat.id, by: ref(p.me), reader: otherRole(p), requeued },
    },
  ]);
  return { chat: closed, requeued };
}

/**
 * The second answer: agreeing changes nothing more; disagreeing marks the chat disputed, tells
 * the first person, and lets the seeker's word decide their request (back to the queue if
 * they say it didn't happen, closed if they say it did).
 */
async function secondAnswer(p: Party, chat: Chat, outcome: Reported): Promise<{ chat: Chat; requeued: boolean }> {
  const { tx, deps, community } = p;
  const now = deps.clock.now();
  const reports = [...chat.reports, { by: p.me.id, outcome, at: now }];
  const status = statusFromReports(reports, chat.status);
  const updated: Chat = { ...chat, status, reports, updatedAt: now };
  await tx.saveChat(updated);
  const seekerWord = reportOf(updated, p.seeker.id)?.outcome;
  if (status !== "disputed") return { chat: updated, requeued: seekerWord === "no_show" || outcome === "no_show" };
  let requeued = false;
  if (seekerWord === "no_show") {
    requeued = await requeue(tx, deps, community, updated);
    if (p.role === "seeker") await tx.cancelNudges(community.id, { refId: chat.id, kinds: AFTER_HAPPENED_KINDS });
  } else if (p.role === "seeker") {
    await reclaim(tx, deps, community, updated, "completed");
  }
  await enqueue(tx, deps, community.id, [
    {
      to: [p.other.id],
      refId: chat.id,
      dueAt: now,
      notice: { kind: "outcome_disputed", chatId: chat.id, by: ref(p.me), said: outcome, reader: otherRole(p), requeued },
    },
  ]);
  return { chat: updated, requeued };
}

/**
 * The pair moves the chat: from its booked time (before or after it), or after a no-show while
 * the seeker's request is still about this chat (an intro the queue sent meanwhile is
 * withdrawn). Earlier answers are cleared: the new time gets its own "did it happen?".
 */
async function reschedule(
  p: Party,
  chat: Chat,
  value: (c: Chat, replay: boolean) => OutcomeValue,
): Promise<Result<OutcomeValue, OutcomeCode>> {
  const { tx, deps, community } = p;
  if (chat.status === "proposing") return ok(value(chat, true));
  const afterNoShow = chat.status === "no_show" || chat.status === "disputed";
  if (chat.status === "happened") return fail("ALREADY_RECORDED", { outcome: chat.status });
  if ((chat.status !== "scheduled" && !afterNoShow) || !chat.slot) return fail("NOT_SCHEDULED", { status: chat.status });
  if (!(await reclaim(tx, deps, community, chat, "scheduling"))) return fail("MOVED_ON", { other: p.other.displayName });
  const moved: Chat = { ...chat, reschedules: chat.reschedules + 1, reports: [], outcomeAt: null };
  await tx.cancelNudges(community.id, {
    refId: chat.id,
    kinds: [...CHAT_TIMED_KINDS, "chat_scheduled", ...AFTER_HAPPENED_KINDS],
  });
  const saved = await proposeTimes(tx, deps, community, moved, p.seeker, p.volunteer, {
    avoid: [chat.slot],
    rescheduled: true,
    round: moved.reschedules,
  });
  return ok(value(saved, false));
}

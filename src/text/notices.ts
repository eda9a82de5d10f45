import type { Member, Notice, Slot } from "../core/domain/index.js";
import { formatDate, formatMoment, formatSlot } from "../core/time/index.js";
import type { TextStyle } from "./style.js";
import { renderBlocker } from "./blockers.js";
import { welcomeText } from "./front-door.js";
import { isRoundNotice, renderRoundGroup, renderRoundNotice } from "./round-notices.js";

const fmt = (slot: Slot, who: Member): string => formatSlot(slot, who.timeZone);
const list = (xs: readonly string[]): string => xs.join(", ");
const hours = (h: number): string => (h >= 10 ? `${Math.round(h)}` : `${Math.round(h * 2) / 2}`);
const CANCELLATION_ATTACHED = "The calendar cancellation (.ics) is attached, so the event leaves your calendar.";
const FORMAT: Record<string, string> = { video: "video call", in_person: "in person", phone: "phone call" };

/**
 * A notice as plain text for one reader, with times in the reader's zone and the commands
 * they can type next. `reader` is the recipient (for pair notices, each of the two).
 */
export function renderNotice(n: Notice, reader: Member, style: TextStyle): string {
  const c = style.cmd;
  // Everything a person typed or chose goes through `u` (or `style.link`): inert on every surface.
  const u = style.user;
  const tags = (xs: readonly string[]): string => list(xs.map(u));
  if (isRoundNotice(n)) return renderRoundNotice(n, reader, style);
  switch (n.kind) {
    case "intro_offered":
      return [
        `☕ ${u(n.seeker.name)} would like a ${n.minutes}-minute chat to learn from you${n.referredBy ? ` (referred by ${u(n.referredBy)})` : ""}.`,
        `   ${n.reasons.sharedTags.length ? `Shared interests: ${tags(n.reasons.sharedTags)} · ` : ""}${hours(n.reasons.sharedFreeHours)} h of shared free time in the next two weeks`,
        `   Their goals: ${u(n.goals)}`,
        ...(n.seeker.bio ? [`   About them: ${u(n.seeker.bio)}`] : []),
        `   It's a conversation to learn, not a job request. Type ${c("accept")} or ${c("decline [reason]")} by ${formatMoment(n.deadline, reader.timeZone)}.`,
      ].join("\n");
    case "intro_reminder":
      return `⏰ A gentle reminder: ${u(n.seeker.name)} is still hoping for a chat. Type ${c("accept")} or ${c("decline")} — no reason needed.`;
    case "intro_expired":
      return n.seekerNext === "offered"
        ? `The intro with ${u(n.seeker.name)} expired — no worries, I've introduced them to someone else. If now isn't a good time for intros, pause with ${c("pause <date>")}.`
        : [
            `The intro with ${u(n.seeker.name)} expired without an answer.`,
            n.seekerNext === "waitlisted" ? `They're on the waitlist until someone fits.` : "",
            `If you'd still like to talk, type ${c("accept")} — if they're still waiting, the intro is back on. No worries otherwise — you can pause anytime with ${c("pause <date>")}.`,
          ]
            .filter(Boolean)
            .join(" ");
    case "intro_passed": {
      const why =
        n.why === "declined" ? "can't make it this time" : n.why === "expired" ? "didn't get back in time" : "isn't available right now";
      const next = n.next
        ? `We've introduced you to ${u(n.next.name)} instead.`
        : n.waitlisted
          ? n.blocker
            ? "You're on the waitlist for now."
            : `You're on the waitlist; we'll introduce you as soon as someone fits.`
          : "";
      const because = n.blocker ? `\n${renderBlocker(n.blocker, reader.timeZone, style)}` : "";
      return `${`${u(n.volunteer.name)} ${why}. ${next}`.trim()}${because}`;
    }
    case "slots_proposed":
      return [
        n.rescheduled
          ? `📅 New times for your ${n.minutes}-minute chat with ${u(n.other.name)}! Pick a time that works (type ${c("pick <n>")}):`
          : n.role === "volunteer"
            ? `📅 You're on — pick a time for your ${n.minutes}-minute chat with ${u(n.other.name)} (type ${c("pick <n>")}), or let them pick:`
            : n.role === "seeker"
              ? `📅 Good news — ${u(n.other.name)} said yes to a ${n.minutes}-minute chat! Pick a time that works (type ${c("pick <n>")}):`
              : `📅 Pick a time that works for your ${n.minutes}-minute chat with ${u(n.other.name)} (type ${c("pick <n>")}):`,
        ...n.slots.map((s, i) => `   ${i + 1}. ${fmt(s, reader)}`),
      ].join("\n");
    case "no_common_slot":
      return `We couldn't find a time that suits both you and ${u(n.other.name)} in the next two weeks. Add more free times with ${c("availability <days> <from>-<to>")}, then type ${c("reschedule")}.`;
    case "chat_scheduled":
      return [
        `✅ Confirmed: ${u(n.seeker.name)} & ${u(n.volunteer.name)}, ${fmt(n.slot, reader)} (${n.minutes} min, ${FORMAT[n.format] ?? n.format}).`,
        `   Goals: ${u(n.goals)}`,
        ...(n.meetingLink ? [`   Where: ${style.link(n.meetingLink)}`] : []),
        `   Calendar invite attached (${n.ics.split("\n").length} lines of .ics).`,
      ].join("\n");
    case "prep":
      return [
        `📝 Your chat with ${u(n.volunteer.name)} is ${fmt(n.slot, reader)}. A little prep goes a long way:`,
        `   Your goals: ${u(n.goals)}`,
        `   About ${u(n.volunteer.name)}: ${n.volunteer.bio ? u(n.volunteer.bio) : "(no bio yet)"} — ${tags(n.volunteer.tags)}`,
        `   Start by confirming the ${n.minutes}-minute limit. Questions worth asking:`,
        ...n.questions.map((q) => `   • ${u(q.question)}`),
      ].join("\n");
    case "chat_reminder":
      return `⏰ Your chat with ${u(n.other.name)} starts ${fmt(n.slot, reader)}.${n.meetingLink ? ` Join: ${style.link(n.meetingLink)}` : ""}`;
    case "check_in":
      return n.again
        ? `👋 Checking once more: did your chat with ${u(n.other.name)} happen? Type ${c("happened")}, ${c("noshow")} or ${c("reschedule")} — it helps us look after you both.`
        : `👋 Did your chat with ${u(n.other.name)} happen? Type ${c("happened")}, ${c("noshow")} or ${c("reschedule")}.`;
    case "thank_you":
      return [
        `💌 A short thank-you within a day makes a real difference. Here's a draft to edit and send to ${u(n.volunteer.name)}:`,
        `   "${u(n.draft)}"`,
        `   When it reads like you, send it with ${c("thanks <your note>")} and I'll pass it on.`,
      ].join("\n");
    case "referral_ask":
      return `🙏 Thanks for talking with ${u(n.seeker.name)}! Who else should they talk to? Type ${c("refer <member>")} to introduce them.`;
    case "keep_in_touch":
      return `🌱 It's been a month since your chat with ${u(n.volunteer.name)}. Share an article or a bit of progress — it keeps the connection warm.`;
    case "referral_suggested":
      return `🔗 ${u(n.referrer.name)} suggested you talk to ${u(n.volunteer.name)}${n.reasons.sharedTags.length ? ` (you both care about ${tags(n.reasons.sharedTags)})` : ""}. Type ${c("choose 1")} to send the intro.`;
    case "intro_withdrawn":
      return `${u(n.seeker.name)} withdrew their request, so there's nothing to answer. Thanks for being open to it!`;
    case "chat_cancelled":
      return `${u(n.by.name)} had to cancel your coffee chat. Sorry about that — nothing else is needed from you.${n.ics ? `\n   ${CANCELLATION_ATTACHED}` : ""}`;
    case "invite_cancelled":
      return `🗓 Your chat with ${u(n.other.name)} (${fmt(n.slot, reader)}) is cancelled.\n   ${CANCELLATION_ATTACHED}`;
    case "no_show_reported": {
      const fix = `If it did, type ${c("happened")}. To find a new time with ${u(n.by.name)}, type ${c("reschedule")}.`;
      return n.reader === "seeker"
        ? `${u(n.by.name)} noted that your chat didn't happen. ${fix} ${n.requeued ? "Otherwise you're back in the queue, and I'll introduce you to someone else as soon as someone fits." : ""}`.trim()
        : `${u(n.by.name)} noted that your chat didn't happen. ${fix} You can also tell us privately how it went with ${c("feedback <1-5> <note>")}.`;
    }
    case "outcome_disputed":
      return [
        `${u(n.by.name)} says your chat ${n.said === "happened" ? "did happen" : "didn't happen"}. I've kept both answers for the community admins — nothing else is needed from you.`,
        ...(n.reader === "seeker" && n.requeued
          ? ["You stay in the queue, and I'll introduce you to someone else as soon as someone fits."]
          : []),
      ].join(" ");
    case "outcome_recorded":
      if (n.outcome !== "happened") return `${u(n.by.name)} noted the chat didn't happen.`;
      return n.readerRole === "seeker"
        ? `${u(n.by.name)} marked your chat as done — I hope it helped! To thank them, type ${c("thanks <your note>")} and I'll pass it on.`
        : `${u(n.by.name)} marked your chat as done. Thank you for making time!`;
    case "waitlisted":
      return n.blocker
        ? `⏳ Nobody fits your request about ${tags(n.tags)} right now, so you're on the waitlist.\n${renderBlocker(n.blocker, reader.timeZone, style)}`
        : `Nobody is free for ${tags(n.tags)} right now; you're on the waitlist and we'll introduce you as soon as someone fits.`;
    case "still_looking":
      return [
        `🔎 Still looking for someone on ${tags(n.tags)} — ${n.weeks === 1 ? "a week" : `${n.weeks} weeks`} on the waitlist so far. Here's what's in the way:`,
        ...(n.blocker ? [renderBlocker(n.blocker, reader.timeZone, style)] : []),
        `   Your request stays on the list until ${formatDate(n.expiresAt, reader.timeZone)}; you don't need to do anything to keep it.`,
      ].join("\n");
    case "request_expired":
      return `⌛ Your request about ${tags(n.tags)} ("${u(n.goals)}") waited ${n.weeks} weeks without a match, so I've taken it off the list. Type ${c("renew")} to put it back — I'll look again straight away.`;
    case "intro_sent":
      return [
        n.referrer
          ? `☕ ${u(n.referrer.name)} suggested you talk to ${u(n.volunteer.name)}, so I've sent them your intro.`
          : `☕ I've sent your intro to ${u(n.volunteer.name)}${n.sharedTags.length ? ` — you both care about ${tags(n.sharedTags)}` : ""}.`,
        `   They have until ${formatMoment(n.deadline, reader.timeZone)} to answer; I'll let you know either way.`,
      ].join("\n");
    case "thanks_received":
      return [`💌 A note from ${u(n.seeker.name)} after your chat:`, `   "${u(n.text)}"`].join("\n");
    case "auto_paused":
      return `💤 The last ${n.ignored} intros to you expired without an answer, so we've paused new intros for you — no harm done. Type ${c("resume")} whenever you're ready for more.`;
    case "program_welcome":
      return welcomeText();
  }
}

/**
 * A notice as its shared conversation shows it, read by all of `readers` at once. A peer
 * round's introduction names every member; other notices read as for the first reader (the
 * seeker of a pair), as they always have.
 */
export function renderSharedNotice(n: Notice, readers: readonly Member[], style: TextStyle): string {
  const [first] = readers;
  if (!first) throw new Error("a notice needs a reader");
  if (n.kind === "round_paired" && readers.length > 1) return renderRoundGroup(n, readers, style);
  return renderNotice(n, first, style);
}

/**
 * Several notices for one reader sent as one message (see deliverDue): each part's words in
 * turn, a blank line between, so the reader gets one message instead of a burst.
 */
export function renderNotices(parts: readonly Notice[], reader: Member, style: TextStyle): string {
  return parts.map((n) => renderNotice(n, reader, style)).join("\n\n");
}

import type { Member, Notice, Slot } from "../core/domain/index.js";
import { formatDate, formatSlot } from "../core/time/index.js";
import type { TextStyle } from "./style.js";

const fmt = (slot: Slot, who: Member): string => formatSlot(slot, who.timeZone);
const list = (xs: readonly string[]): string => xs.join(", ");
const hours = (h: number): string => (h >= 10 ? `${Math.round(h)}` : `${Math.round(h * 2) / 2}`);
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
  switch (n.kind) {
    case "intro_offered":
      return [
        `☕ ${u(n.seeker.name)} would like a ${n.minutes}-minute chat to learn from you${n.referredBy ? ` (referred by ${u(n.referredBy)})` : ""}.`,
        `   Shared interests: ${tags(n.reasons.sharedTags)} · ${hours(n.reasons.sharedFreeHours)} h of shared free time in the next two weeks`,
        `   Their goals: ${u(n.goals)}`,
        ...(n.seeker.bio ? [`   About them: ${u(n.seeker.bio)}`] : []),
        `   It's a conversation to learn, not a job request. Type ${c("accept")} or ${c("decline [reason]")} by ${formatDate(n.deadline, reader.timeZone)}.`,
      ].join("\n");
    case "intro_reminder":
      return `⏰ A gentle reminder: ${u(n.seeker.name)} is still hoping for a chat. Type ${c("accept")} or ${c("decline")} — no reason needed.`;
    case "intro_expired":
      return `The intro with ${u(n.seeker.name)} expired, so we've moved them on to someone else. No worries — you can pause anytime with ${c("pause <date>")}.`;
    case "intro_passed": {
      const why =
        n.why === "declined" ? "can't make it this time" : n.why === "expired" ? "didn't get back in time" : "isn't available right now";
      const next = n.next
        ? `We've introduced you to ${u(n.next.name)} instead.`
        : n.waitlisted
          ? `You're on the waitlist; we'll introduce you as soon as someone fits.`
          : "";
      return `${u(n.volunteer.name)} ${why}. ${next}`.trim();
    }
    case "slots_proposed":
      return [
        `📅 ${n.rescheduled ? "New times" : "Good news"} for your ${n.minutes}-minute chat with ${u(n.other.name)}${n.rescheduled ? "" : " — they said yes"}! Pick a time that works (type ${c("pick <n>")}):`,
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
        ...n.questions.slice(0, 5).map((q) => `   • ${u(q.question)}`),
      ].join("\n");
    case "chat_reminder":
      return `⏰ Your chat with ${u(n.other.name)} starts ${fmt(n.slot, reader)}.${n.meetingLink ? ` Join: ${style.link(n.meetingLink)}` : ""}`;
    case "check_in":
      return `👋 Did your chat with ${u(n.other.name)} happen? Type ${c("happened")}, ${c("noshow")} or ${c("reschedule")}.`;
    case "thank_you":
      return [
        `💌 A short thank-you within a day makes a real difference. Here's a draft to edit and send to ${u(n.volunteer.name)}:`,
        `   "${u(n.draft)}"`,
      ].join("\n");
    case "referral_ask":
      return `🙏 Thanks for talking with ${u(n.seeker.name)}! Who else should they talk to? Type ${c("refer <member>")} to introduce them.`;
    case "keep_in_touch":
      return `🌱 It's been a month since your chat with ${u(n.volunteer.name)}. Share an article or a bit of progress — it keeps the connection warm.`;
    case "referral_suggested":
      return `🔗 ${u(n.referrer.name)} suggests you talk to ${u(n.volunteer.name)} (${tags(n.reasons.sharedTags)}). Type ${c("choose 1")} to send the intro.`;
    case "intro_withdrawn":
      return `${u(n.seeker.name)} withdrew their request, so there's nothing to answer. Thanks for being open to it!`;
    case "chat_cancelled":
      return `${u(n.by.name)} had to cancel your coffee chat. Sorry about that — nothing else is needed from you.`;
    case "outcome_recorded":
      return n.outcome === "happened"
        ? `${u(n.by.name)} marked your chat as done. Thank you for making time!`
        : `${u(n.by.name)} noted the chat didn't happen.`;
    case "waitlisted":
      return `Nobody is free for ${tags(n.tags)} right now; you're on the waitlist and we'll introduce you as soon as someone fits.`;
    case "auto_paused":
      return `💤 The last ${n.ignored} intros to you expired without an answer, so we've paused new intros for you — no harm done. Type ${c("resume")} whenever you're ready for more.`;
  }
}

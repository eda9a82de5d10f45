import type { Reply } from "../core/commands/index.js";
import { formatDate, formatSlot } from "../core/time/index.js";
import type { OutcomeValue, RequestChatValue, StatusValue } from "../core/use-cases/index.js";
import { renderFailure } from "./failures.js";
import { isAdminReply, renderAdminReply } from "./admin-replies.js";
import { isRoundsReply, renderRoundsReply } from "./rounds-replies.js";
import { isProgramReply, renderProgramReply } from "./program-replies.js";
import { renderForget } from "./privacy-replies.js";
import type { TextStyle } from "./style.js";
import { renderNamedReply } from "./named-replies.js";
import { MatchBlockerSchema } from "../core/domain/index.js";
import { renderBlocker } from "./blockers.js";
import { helpReply } from "./help.js";
import { renderAvailabilityChange, renderPaused } from "./time-words.js";
import { renderGuesses, renderTopics } from "./tag-replies.js";
import { renderDoor } from "./front-door.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const firstName = (name: string): string => name.split(/\s+/)[0] ?? name;

/** The seeker's intro, the volunteer's bio and meeting link. */
function profileLines(s: StatusValue, c: TextStyle["cmd"], u: TextStyle["user"]): string[] {
  const v = s.volunteer;
  const about = s.seeker?.intro ? [`About you: ${u(s.seeker.intro)}`] : [];
  if (!v) return about;
  return [
    ...about,
    v.bio ? `Bio: ${u(v.bio)}` : `Bio: — (add one with ${c("volunteer <tags> --bio <text>")})`,
    ...(v.meetingLink ? [`Meeting link: ${u(v.meetingLink)}`] : []),
  ];
}

/** What "no times set" means for this member: flexible waking hours as a seeker, office hours as a volunteer. */
function unsetHours(s: StatusValue): string {
  const awake = s.seekerHours ? `any day ${s.seekerHours.start}-${s.seekerHours.end}` : "any day 08:00-21:00";
  const asVolunteer = "weekdays 09:00-18:00 (default)";
  if (s.volunteer && !s.seeker && s.requests.length === 0) return asVolunteer;
  return `${awake} your time (not set, so I match you in your waking hours)${s.volunteer ? `; as a volunteer ${asVolunteer}` : ""}`;
}

function renderStatus(s: StatusValue, c: TextStyle["cmd"], u: TextStyle["user"], command: TextStyle["command"]): string {
  const zone = s.member.timeZone;
  const us = (xs: readonly string[]): string => xs.map(u).join(", ");
  const lines = [
    `${u(s.member.displayName)} · ${zone}${s.member.status !== "active" ? ` · ${s.member.status}${s.member.pausedUntil ? ` until ${formatDate(s.member.pausedUntil, zone)}` : ""}` : ""}`,
  ];
  if (s.seeker) lines.push(`Exploring: ${us(s.seeker.interests) || "—"}${s.seeker.learn ? ` · wants to learn: ${u(s.seeker.learn)}` : ""}`);
  if (s.volunteer)
    lines.push(
      s.volunteer.active
        ? `Volunteering: ${us(s.volunteer.expertise)} · up to ${s.volunteer.capacityPerMonth} chats a month · ${us(s.volunteer.formats)}`
        : `Volunteering: off (${us(s.volunteer.expertise)}) — ${c("volunteer <tags>")} turns it back on`,
    );
  lines.push(...profileLines(s, c, u));
  const windows = s.member.availability.windows;
  lines.push(
    `Free: ${windows.length ? windows.map((w) => `${DAY_NAMES[w.day - 1] ?? "?"} ${w.start}-${w.end}`).join(", ") : unsetHours(s)}`,
  );
  if (s.member.availability.datesOff.length) lines.push(`Days off: ${s.member.availability.datesOff.join(", ")}`);
  if (s.member.celebrate) lines.push(`The weekly post may name you when everyone you met says yes too (${c("celebrate no")} to stop).`);
  const choosing = s.requests.filter((r) => (r.status === "open" || r.status === "waitlisted") && r.suggestions.length > 0);
  for (const r of s.requests) {
    lines.push(`Request "${u(r.goals)}" (${us(r.tags)}): ${r.status}`);
    // Only suggestions that still apply, under the numbers `choose <n>` uses.
    for (const i of s.liveSuggestions[r.id] ?? []) {
      const sg = r.suggestions[i];
      if (sg)
        lines.push(
          `   ${i + 1}. ${u(s.people[sg.volunteerId]?.name ?? sg.volunteerId)} — ${us(sg.reasons.sharedTags)}, ${sg.reasons.sharedFreeHours} h free together`,
        );
    }
  }
  if (choosing.length > 1)
    lines.push(`   (several requests wait: ${c("choose <name>")}, or ${c("choose <n> for <words of the request>")})`);
  const several = s.introsToAnswer.length > 1;
  for (const i of s.introsToAnswer)
    lines.push(
      several
        ? `Intro from ${u(i.seeker.name)} waiting for your answer (${c(`accept ${firstName(i.seeker.name)}`)} / ${command("decline", { name: firstName(i.seeker.name) })})`
        : `Intro from ${u(i.seeker.name)} waiting for your answer (accept / decline)`,
    );
  const proposing = s.chats.filter((ch) => ch.status === "proposing").length;
  for (const ch of s.chats) {
    if (ch.status === "no_show")
      lines.push(
        `Chat with ${u(ch.other.name)}: ${u(ch.other.name)} said it didn't happen — type ${c("happened")} if it did, or ${c("reschedule")} to find a new time`,
      );
    else if (ch.awaitingOutcome && ch.slot)
      lines.push(
        `Chat with ${u(ch.other.name)}, ${formatSlot(ch.slot, zone)}: did it happen? Type ${c("happened")}, ${c("noshow")} or ${c("reschedule")}`,
      );
    else if (ch.status === "scheduled" && ch.slot) lines.push(`Chat with ${u(ch.other.name)}: ${formatSlot(ch.slot, zone)}`);
    else
      lines.push(
        `Chat with ${u(ch.other.name)}: pick a time — ${ch.proposedSlots.map((sl, i) => `${i + 1}. ${formatSlot(sl, zone)}`).join("; ") || "no common time yet"}${proposing > 1 && ch.proposedSlots.length ? ` (${c(`pick <n> with ${firstName(ch.other.name)}`)})` : ""}`,
      );
  }
  if (s.past.length)
    lines.push(
      `Past chats: ${s.past.map((p) => `${u(p.other.name)}${p.slot ? ` (${formatDate(p.slot.start, zone)})` : ""}${p.status === "no_show" ? " — didn't happen" : ""}`).join(", ")}`,
    );
  if (s.blocked.length)
    lines.push(
      `Blocked: ${s.blocked.map((b) => u(b.name)).join(", ")} — to undo: ${c(`unblock ${firstName(s.blocked[0]?.name ?? "<member>")}`)}`,
    );
  if (!s.seeker && !s.volunteer && s.requests.length === 0 && s.chats.length === 0)
    lines.push(`Nothing yet. Start with ${c("volunteer <tags>")} or ${c("request <tags> -- <what you want to learn>")}.`);
  return lines.join("\n");
}

/** The answer to "did it happen?" or "reschedule", agreeing with what the bot did next. */
function renderOutcome(outcome: "happened" | "no_show" | "rescheduled", v: OutcomeValue, c: TextStyle["cmd"]): string {
  const other = v.other.name;
  if (outcome === "rescheduled")
    return v.chat.proposedSlots.length > 0
      ? "Okay — I've sent new times to you both."
      : `Okay — but there's no time free for you both in the next two weeks. Add more free times with ${c("availability <days> <from>-<to>")}, then type ${c("reschedule")}; I've told ${other} too.`;
  if (v.chat.status === "disputed")
    return `Thanks — ${other} answered differently, so I've kept both answers for the community admins.${v.role === "seeker" && v.requeued ? " You're back in the queue, and I'll introduce you to someone else as soon as someone fits." : ""}`;
  if (outcome === "happened") return "Wonderful — thanks for letting me know!";
  if (v.role === "seeker")
    return v.requeued
      ? `Sorry it didn't happen. You're back in the queue, and I'll introduce you to someone new as soon as someone fits. To try again with ${other} instead, type ${c("reschedule")}.`
      : "Sorry it didn't happen. Thanks for telling me.";
  return `Sorry it didn't happen — thanks for telling me. I've let ${other} know: they can find a new time with you or meet someone else. You can also tell us privately how it went with ${c("feedback <1-5> <note>")}.`;
}

/** The answer to a request (or a renewal): who could help, or why nobody fits yet. */
function renderAsked(v: RequestChatValue, zone: string, style: TextStyle): string {
  const c = style.cmd;
  const u = style.user;
  const us = (xs: readonly string[]): string => xs.map(u).join(", ");
  const renewed = v.renewed
    ? v.replay
      ? "That request is back on the list already. "
      : "Renewed — your request is back on the list. "
    : "";
  if (v.suggestions.length === 0 && v.blocker)
    return `${renewed}Nobody fits "${us(v.request.tags)}" right now, so you're on the waitlist.\n${renderBlocker(v.blocker, zone, style)}`;
  if (v.suggestions.length === 0)
    return `${renewed}Nobody fits "${us(v.request.tags)}" right now. You're on the waitlist; I'll introduce you as soon as someone does.`;
  return [
    v.renewed
      ? `${renewed}Here's who could help (choose one, or ${c("choose auto")}):`
      : v.replay
        ? "You already asked for this — here are your suggestions again:"
        : `Here's who could help (choose one, or ${c("choose auto")}):`,
    ...v.suggestions.map(
      (s, i) =>
        `   ${i + 1}. ${u(s.volunteer.name)} — shares ${us(s.reasons.sharedTags)}; ${s.reasons.sharedFreeHours} h free together${s.volunteer.bio ? `; "${u(s.volunteer.bio)}"` : ""}`,
    ),
  ].join("\n");
}

/** The answer to the person who typed the command, as plain text. */
export function renderReply(r: Reply, zone: string, style: TextStyle): string {
  const c = style.cmd;
  // Everything a person typed or chose goes through `u`: inert on every surface.
  const u = style.user;
  const us = (xs: readonly string[]): string => xs.map(u).join(", ");
  if (r.kind === "help") return helpReply(r.topic, style);
  if (!r.result.ok) {
    const blocker = r.kind === "choose" ? MatchBlockerSchema.safeParse(r.result.detail?.blocker) : null;
    if (blocker?.success) return `Nobody fits right now, so you're on the waitlist.\n${renderBlocker(blocker.data, zone, style)}`;
    return renderFailure(r.result.code, r.result.detail, style);
  }
  if (isRoundsReply(r)) return renderRoundsReply(r, zone, style);
  if (isProgramReply(r)) return renderProgramReply(r, zone, style);
  if (isAdminReply(r)) return renderAdminReply(r, c, u, zone, style.link);
  switch (r.kind) {
    case "status":
      return renderStatus(r.result.value, c, u, style.command);
    case "tags":
      return renderTopics(r.result.value, c, u);
    case "profile":
      return "interests" in r.result.value
        ? `Saved. You're exploring: ${us(r.result.value.interests) || "—"}.${renderGuesses(r.result.value.guesses, r.result.value.interests, "profile", c, u)}`
        : renderStatus(r.result.value, c, u, style.command);
    case "volunteer": {
      const v = r.result.value;
      return `Thanks for volunteering! Topics: ${us(v.expertise)} · up to ${v.capacityPerMonth} chats a month. Set your free times with ${style.usage("availability")}.${renderGuesses(v.guesses, v.expertise, "volunteer", c, u)}`;
    }
    case "availability":
      return renderAvailabilityChange(r.result.value, style);
    case "renew":
    case "request": {
      const v = r.result.value;
      return `${renderAsked(r.result.value, zone, style)}${renderGuesses(v.guesses, v.request.tags, "request", c, u)}`;
    }
    case "choose":
      return `Intro sent to ${u(r.result.value.volunteer.name)}. They have a few days to answer; I'll let you know.`;
    case "accept":
      return `${r.result.value.late ? "Thank you — they're still looking, so the intro is back on! " : ""}${
        r.result.value.chat.proposedSlots.length
          ? `${r.result.value.late ? "I've" : "Thank you! I've"} sent ${r.result.value.chat.proposedSlots.length} times to you both — either of you can ${c("pick <n>")}.`
          : `${r.result.value.late ? "I" : "Thank you! I"} couldn't find a common time yet — please widen your availability.`
      }`;
    case "decline": {
      const v = r.result.value;
      if (v.replay) return "You already declined that intro — nothing more to do.";
      // Say only what did happen: a next intro went out, or the seeker waits on the waitlist.
      const thanks = "No problem — thanks for letting me know quickly.";
      if (!v.next) return thanks;
      return v.next.offered
        ? `${thanks} I've introduced them to someone else.`
        : `${thanks} Nobody else fits right now, so they're on the waitlist until someone does.`;
    }
    case "pick":
      return r.result.value.chat.slot
        ? `Booked: ${formatSlot(r.result.value.chat.slot, zone)}. The invite is on its way to you both.`
        : "Booked.";
    case "outcome":
      return renderOutcome(r.outcome, r.result.value, c);
    case "cancel":
      return r.result.value.what === "chat" ? "Cancelled the chat; I've let the other person know." : "Cancelled your request.";
    case "pause":
      return renderPaused(r.result.value, zone, style);
    case "resume":
      return r.result.value.wasPaused ? "Welcome back! You'll get intros again." : "You're active already.";
    case "leave":
      return `You've left coffee chats; nothing more will be sent. (${r.result.value.cancelledChats} chat(s) and ${r.result.value.cancelledRequests} request(s) cancelled.) Type ${c("resume")} to come back.`;
    case "block":
      return `Done. You won't be matched with them, and they won't be told. To undo it: ${c("unblock <member>")}.`;
    case "refer":
      return "Thank you! I've passed the suggestion on.";
    case "feedback":
      return "Thanks — your feedback stays private and helps us match better.";
    case "thanks":
      return r.result.value.replay
        ? `Your note already went to ${r.result.value.volunteer.name}.`
        : `Sent your note to ${r.result.value.volunteer.name}. A thank-you like that keeps the door open.`;
    case "forget_me":
      return renderForget(r.result.value);
    case "which":
    case "confirm":
    case "unblock":
    case "volunteer_off":
      return renderNamedReply(r, zone, c, u);
    case "door":
      return renderDoor(r.result.value, zone, style);
    case "member_left":
      return r.result.value.member
        ? "Noted: they've left, so nothing more will be sent to them."
        : "Nothing to do: they weren't a member here.";
  }
}

import type { Reply } from "../core/commands/index.js";
import { USAGE } from "../core/commands/index.js";
import { formatDate, formatSlot } from "../core/time/index.js";
import type { StatusValue } from "../core/use-cases/index.js";
import { renderFailure } from "./failures.js";
import { isAdminReply, renderAdminReply } from "./admin-replies.js";
import { renderForget } from "./privacy-replies.js";
import type { TextStyle } from "./style.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function renderStatus(s: StatusValue, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  const zone = s.member.timeZone;
  const us = (xs: readonly string[]): string => xs.map(u).join(", ");
  const lines = [
    `${u(s.member.displayName)} · ${zone}${s.member.status !== "active" ? ` · ${s.member.status}${s.member.pausedUntil ? ` until ${formatDate(s.member.pausedUntil, zone)}` : ""}` : ""}`,
  ];
  if (s.seeker) lines.push(`Exploring: ${us(s.seeker.interests) || "—"}${s.seeker.learn ? ` · wants to learn: ${u(s.seeker.learn)}` : ""}`);
  if (s.volunteer)
    lines.push(
      `Volunteering: ${us(s.volunteer.expertise)} · up to ${s.volunteer.capacityPerMonth} chats a month · ${us(s.volunteer.formats)}`,
    );
  const windows = s.member.availability.windows;
  lines.push(
    `Free: ${windows.length ? windows.map((w) => `${DAY_NAMES[w.day - 1] ?? "?"} ${w.start}-${w.end}`).join(", ") : "weekdays 09:00-18:00 (default)"}`,
  );
  for (const r of s.requests) {
    lines.push(`Request "${u(r.goals)}" (${us(r.tags)}): ${r.status}`);
    r.suggestions.forEach((sg, i) => {
      lines.push(
        `   ${i + 1}. ${u(s.people[sg.volunteerId]?.name ?? sg.volunteerId)} — ${us(sg.reasons.sharedTags)}, ${sg.reasons.sharedFreeHours} h free together`,
      );
    });
  }
  for (const i of s.introsToAnswer) lines.push(`Intro from ${u(i.seeker.name)} waiting for your answer (accept / decline)`);
  for (const c of s.chats) {
    if (c.status === "scheduled" && c.slot) lines.push(`Chat with ${u(c.other.name)}: ${formatSlot(c.slot, zone)}`);
    else
      lines.push(
        `Chat with ${u(c.other.name)}: pick a time — ${c.proposedSlots.map((sl, i) => `${i + 1}. ${formatSlot(sl, zone)}`).join("; ") || "no common time yet"}`,
      );
  }
  if (!s.seeker && !s.volunteer && s.requests.length === 0 && s.chats.length === 0)
    lines.push(`Nothing yet. Start with ${c("volunteer <tags>")} or ${c("request <tags> -- <what you want to learn>")}.`);
  return lines.join("\n");
}

/** The answer to the person who typed the command, as plain text. */
export function renderReply(r: Reply, zone: string, style: TextStyle): string {
  const c = style.cmd;
  // Everything a person typed or chose goes through `u`: inert on every surface.
  const u = style.user;
  const us = (xs: readonly string[]): string => xs.map(u).join(", ");
  if (r.kind === "help") return style.help;
  if (!r.result.ok) return renderFailure(r.result.code, r.result.detail, style);
  if (isAdminReply(r)) return renderAdminReply(r, c, u);
  switch (r.kind) {
    case "status":
      return renderStatus(r.result.value, c, u);
    case "profile":
      return "interests" in r.result.value
        ? `Saved. You're exploring: ${us(r.result.value.interests) || "—"}.`
        : renderStatus(r.result.value, c, u);
    case "volunteer": {
      const v = r.result.value;
      return `Thanks for volunteering! Topics: ${us(v.expertise)} · up to ${v.capacityPerMonth} chats a month. Set your free times with ${c(USAGE.availability ?? "availability")}.`;
    }
    case "availability": {
      const m = r.result.value;
      return `Saved ${m.availability.windows.length} weekly window(s) in ${m.timeZone}.`;
    }
    case "request": {
      const v = r.result.value;
      if (v.suggestions.length === 0)
        return `Nobody fits "${us(v.request.tags)}" right now. You're on the waitlist; I'll introduce you as soon as someone does.`;
      return [
        v.replay
          ? "You already asked for this — here are your suggestions again:"
          : `Here's who could help (choose one, or ${c("choose auto")}):`,
        ...v.suggestions.map(
          (s, i) =>
            `   ${i + 1}. ${u(s.volunteer.name)} — shares ${us(s.reasons.sharedTags)}; ${s.reasons.sharedFreeHours} h free together${s.volunteer.bio ? `; "${u(s.volunteer.bio)}"` : ""}`,
        ),
      ].join("\n");
    }
    case "choose":
      return `Intro sent to ${u(r.result.value.volunteer.name)}. They have a few days to answer; I'll let you know.`;
    case "accept":
      return r.result.value.chat.proposedSlots.length
        ? `Thank you! I've sent ${r.result.value.chat.proposedSlots.length} times to you both — either of you can ${c("pick <n>")}.`
        : "Thank you! I couldn't find a common time yet — please widen your availability.";
    case "decline":
      return "No problem — thanks for letting us know quickly. I'll find them someone else.";
    case "pick":
      return r.result.value.chat.slot
        ? `Booked: ${formatSlot(r.result.value.chat.slot, zone)}. The invite is on its way to you both.`
        : "Booked.";
    case "outcome":
      return r.outcome === "happened"
        ? "Wonderful — thanks for letting me know!"
        : r.outcome === "no_show"
          ? "Sorry it didn't happen. Thanks for telling me."
          : "Okay — I've sent new times to you both.";
    case "cancel":
      return r.result.value.what === "chat" ? "Cancelled the chat; I've let the other person know." : "Cancelled your request.";
    case "pause":
      return `Paused until ${formatDate(r.result.value.member.pausedUntil ?? new Date(), zone)}. Scheduled chats still go ahead. Type ${c("resume")} to come back sooner.`;
    case "resume":
      return r.result.value.wasPaused ? "Welcome back! You'll get intros again." : "You're active already.";
    case "leave":
      return `You've left coffee chats; nothing more will be sent. (${r.result.value.cancelledChats} chat(s) and ${r.result.value.cancelledRequests} request(s) cancelled.) Type ${c("resume")} to come back.`;
    case "block":
      return "Done. You won't be matched with them, and they won't be told.";
    case "refer":
      return "Thank you! I've passed the suggestion on.";
    case "feedback":
      return "Thanks — your feedback stays private and helps us match better.";
    case "forget_me":
      return renderForget(r.result.value);
    case "member_left":
      return r.result.value.member
        ? "Noted: they've left, so nothing more will be sent to them."
        : "Nothing to do: they weren't a member here.";
  }
}

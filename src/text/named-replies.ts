import type { ConfirmValue, NamedReply, WhichOption, WhichValue } from "../core/commands/index.js";
import type { Slot } from "../core/domain/index.js";
import { formatSlot } from "../core/time/index.js";
import type { Action } from "./actions.js";
import { clip, ECHO_MAX } from "./clip.js";
import type { TextStyle } from "./style.js";

/** How the reader can say whom they mean: the first name when no other option shares it, else the full name. */
export function sayName(o: WhichOption, options: readonly WhichOption[]): string {
  const first = o.person.name.split(/\s+/)[0] ?? o.person.name;
  const clash = options.filter((x) => x.person.id !== o.person.id && x.person.name.split(/\s+/)[0]?.toLowerCase() === first.toLowerCase());
  return typeable(clash.length ? o.person.name : first);
}

/**
 * Words shown inside a command to type: only letters, digits and plain punctuation, so a name
 * or goal can neither format, link nor mention on any surface, and still reads as typed.
 */
const typeable = (text: string): string =>
  text
    .replace(/[^\p{L}\p{N} .'_-]/gu, "")
    .replace(/\s+/g, " ")
    .trim() || "<name>";

/** A few words of a request's goals, enough to say which request (`choose 1 for run interviews`). */
const someWords = (goals: string): string => typeable(goals.split(/\s+/).slice(0, 4).join(" "));

/** The command, aimed at one option, as the reader would type it. */
function typed(w: WhichValue, name: string, o: WhichOption): string {
  switch (w.command) {
    case "accept":
      return `accept ${name}`;
    case "decline":
      return `decline ${name}${w.reason ? ` ${typeable(w.reason)}` : ""}`;
    case "pick":
      return `pick ${w.choice ?? 1} with ${name}`;
    case "choose": {
      // A number, or a volunteer suggested for several requests, needs the request too.
      const samePerson = w.options.filter((x) => x.person.id === o.person.id).length > 1;
      return w.choice !== undefined || samePerson ? `choose ${w.choice ?? name} for ${someWords(o.goals ?? "")}` : `choose ${name}`;
    }
    case "cancel":
      return `cancel ${name}`;
    case "unblock":
      return `unblock ${name}`;
  }
}

function question(w: WhichValue, user: TextStyle["user"]): string {
  const n = w.options.length;
  // Anything echoed here may be what the person typed: short enough to recognise, never whole.
  const u = (text: string) => user(clip(text, ECHO_MAX));
  if (w.problem === "ambiguous")
    return new Set(w.options.map((o) => o.person.id)).size === 1
      ? `${u(w.options[0]?.person.name ?? w.given ?? "")} is suggested for ${n} of your requests — which one?`
      : `"${u(w.given ?? "")}" could be more than one person — which one?`;
  if (w.problem === "no_match") {
    // A platform mention arrives as a member id: name them as "that member", not by the id.
    const who = w.given?.includes(":") ? "That member" : `"${u(w.given ?? "")}"`;
    if (w.command === "unblock") return `${who} isn't on your block list. You've blocked:`;
    const nobody = w.given?.includes(":") ? "That member isn't" : `Nobody called "${u(w.given ?? "")}" is`;
    return `${nobody} waiting on that. ${n === 1 ? "Here's who is:" : "Here's who is — which one?"}`;
  }
  switch (w.command) {
    case "accept":
      return `${n} intros are waiting for your answer. Which one do you want to accept?`;
    case "decline":
      return `${n} intros are waiting for your answer. Which one do you want to decline?`;
    case "pick":
      return `${n} chats are waiting for a time. Which one is time ${w.choice ?? 1} for?`;
    case "choose":
      return `${n} of your requests are waiting for a choice. Which one?`;
    case "cancel":
      return `You have ${n} chats coming up. Which one do you want to cancel?`;
    case "unblock":
      return "Whom do you want to unblock?";
  }
}

function optionLine(w: WhichValue, o: WhichOption, i: number, zone: string, u: TextStyle["user"]): string {
  const about = o.goals ? ` — wants to learn "${u(o.goals)}"` : "";
  if (w.command === "pick")
    return `   ${i + 1}. ${u(o.person.name)} — ${o.slot ? `time ${w.choice ?? 1} is ${formatSlot(o.slot, zone)}` : `has no time ${w.choice ?? 1}`}`;
  if (w.command === "cancel") return `   ${i + 1}. ${u(o.person.name)} — ${o.slot ? formatSlot(o.slot, zone) : "no time picked yet"}`;
  if (w.command === "choose") return `   ${i + 1}. ${u(o.person.name)}${o.goals ? ` — for "${u(o.goals)}"` : ""}`;
  return `   ${i + 1}. ${u(o.person.name)}${w.command === "unblock" ? "" : about}`;
}

/** "Which one?" in words: the question, the options in status order, and how to say which. */
export function renderWhich(w: WhichValue, zone: string, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  const first = w.options[0];
  const lines = [question(w, u), ...w.options.map((o, i) => optionLine(w, o, i, zone, u))];
  if (first) lines.push(`Say which with the name, e.g. ${c(typed(w, sayName(first, w.options), first))}.`);
  return lines.join("\n");
}

const when = (slot: Slot | null, zone: string): string => (slot ? formatSlot(slot, zone) : "no time picked yet");

/** Exactly what a command that can't be undone would do, and how to go ahead. Nothing has changed yet. */
export function renderConfirm(v: ConfirmValue, zone: string, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  const chatLines = v.chats.map(
    (ch) =>
      `   • with ${u(ch.other.name)}, ${when(ch.slot, zone)} — ${u(ch.other.name)} will be told${ch.role === "volunteer" ? ", and I'll look for someone else for them" : ""}`,
  );
  const more = [
    v.requests ? `Your ${v.requests === 1 ? "request closes" : `${v.requests} requests close`}.` : "",
    v.intros
      ? `${v.intros === 1 ? "The intro" : `The ${v.intros} intros`} waiting for your answer ${v.intros === 1 ? "goes" : "go"} to someone else.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  const nothing = "Nothing changes until you confirm:";
  switch (v.action) {
    case "leave":
      return [
        `Before you go: leaving calls off ${v.chats.length === 1 ? "your chat" : `your ${v.chats.length} chats`} not yet held:`,
        ...chatLines,
        ...(more ? [more] : []),
        `${nothing} ${c("leave yes")}. You can come back any time with ${c("resume")}.`,
      ].join("\n");
    case "forget_me":
      return [
        "This erases what Percolate knows about you here — your profiles, free times, the feedback you wrote and every message to you — and can't be undone. Others' records of past chats will show \"a former member\".",
        ...(v.chats.length ? ["It also calls off:", ...chatLines] : []),
        ...(more ? [more] : []),
        `${nothing} ${c("forget-me yes")}.`,
      ].join("\n");
    case "cancel": {
      const ch = v.chats[0];
      if (!ch) return `${nothing} ${c("cancel yes")}.`;
      const after =
        ch.role === "volunteer"
          ? `${u(ch.other.name)} will be told, and I'll look for someone else for them.`
          : `${u(ch.other.name)} will be told, and your request closes.`;
      return [
        `Cancel your chat with ${u(ch.other.name)}, ${when(ch.slot, zone)}? ${after} It can't be undone.`,
        `${nothing} ${c(v.named ? `cancel ${v.named} yes` : "cancel yes")}.`,
      ].join("\n");
    }
  }
}

/** The words for the commands that name a target or ask first. */
export function renderNamedReply(r: NamedReply, zone: string, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  if (!r.result.ok) return "";
  switch (r.kind) {
    case "which":
      return renderWhich(r.result.value, zone, c, u);
    case "confirm":
      return renderConfirm(r.result.value, zone, c, u);
    case "unblock": {
      const v = r.result.value;
      return v.replay
        ? `${u(v.target.name)} wasn't blocked, so nothing changed.`
        : `Done — you can be matched with ${u(v.target.name)} again. (To block again: ${c("block <member>")}.)`;
    }
    case "volunteer_off": {
      const v = r.result.value;
      const back = `To volunteer again: ${c("volunteer <tags>")}.`;
      if (v.replay) return `You've already stopped volunteering. ${back}`;
      return [
        "You've stopped volunteering: no new intros will come to you as a volunteer. You're still a seeker.",
        v.passedIntros
          ? `${v.passedIntros === 1 ? "The intro" : `The ${v.passedIntros} intros`} waiting for your answer went back, so ${v.passedIntros === 1 ? "that seeker moves" : "those seekers move"} on.`
          : "",
        v.keptChats
          ? `Your ${v.keptChats === 1 ? "chat" : `${v.keptChats} chats`} already agreed ${v.keptChats === 1 ? "goes" : "go"} ahead.`
          : "",
        back,
      ]
        .filter(Boolean)
        .join(" ");
    }
  }
}

/** The buttons under a "which one?" or "are you sure?" answer. */
export function namedActions(r: NamedReply, zone: string): Action[] {
  if (!r.result.ok) return [];
  if (r.kind === "confirm") {
    const v = r.result.value;
    const label = v.action === "leave" ? "Yes, leave" : v.action === "forget_me" ? "Yes, erase everything" : "Yes, cancel the chat";
    return [{ label, style: "danger", command: v.command }];
  }
  if (r.kind !== "which") return [];
  const w = r.result.value;
  return w.options.flatMap((o) => optionAction(w, o, zone));
}

/** The button for one option of a "which one?", if it has one. */
function optionAction(w: WhichValue, o: WhichOption, zone: string): Action[] {
  if (!o.command) return [];
  switch (w.command) {
    case "accept":
      return [{ label: `Accept ${o.person.name}`, style: "primary", command: o.command }];
    case "decline":
      return [{ label: `Decline ${o.person.name}`, command: o.command }];
    case "pick":
      return o.slot ? [{ label: `${formatSlot(o.slot, zone)} with ${o.person.name}`, command: o.command }] : [];
    case "choose":
      return [{ label: `Choose ${o.person.name}`, command: o.command }];
    case "cancel":
      return [{ label: `Cancel the chat with ${o.person.name}`, style: "danger", command: o.command }];
    case "unblock":
      return [];
  }
}

import type { FailureCode, ParseProblem } from "../core/commands/index.js";
import { clip, ECHO_MAX } from "./clip.js";
import type { TextStyle } from "./style.js";
import { argOf } from "./syntax.js";
import { dayOffFailure, pauseFailure, renderWindowProblem, zoneFailure } from "./time-words.js";

type Detail = Record<string, unknown> | undefined;
const d = (detail: Detail, key: string): string => String(detail?.[key] ?? "");

/**
 * Words for every expected failure code, each naming what to do next in the platform's own
 * command syntax. Exhaustive over the codes replies carry (FailureCode): a use case that adds a
 * code without words here fails the typecheck.
 */
const messages = (c: TextStyle["cmd"], style: TextStyle): { [K in FailureCode]: (detail: Detail) => string } => ({
  PROGRAM_PAUSED: () => "Coffee chats are paused in this community for now. An admin can switch them back on.",
  NOT_ACTIVE: () => `You've left coffee chats. Type ${c("resume")} to come back.`,
  OPTED_OUT: () => `You've left coffee chats. Type ${c("resume")} to come back first.`,
  NO_TAGS: (x) => `Please name at least one topic, e.g. "${d(x, "example")}". Type ${c("help")} for examples.`,
  TOPIC_TOO_LONG: (x) =>
    `The topic "${d(x, "given")}" is ${d(x, "length")} characters long — a topic can be up to ${d(x, "max")}. Nothing was saved. Shorten it, or separate topics with commas, e.g. "ux-research, data-science". Type ${c("tags")} to see the topics in use.`,
  NOT_A_TOPIC: (x) =>
    `"${d(x, "given")}" can't be a topic: it has no letters or numbers (emoji and punctuation alone don't count). Nothing was saved. Name topics in words of any language, e.g. "ux-research, 数据科学", or type ${c("tags")} to see the topics in use.`,
  GOALS_REQUIRED: (x) => `What do you want to learn? Add it after "--", e.g. request ux -- ${d(x, "example")}.`,
  TEXT_TOO_LONG: (x) => `That's a bit long — please keep it under ${d(x, "max")} characters. Type ${c("help")} for examples.`,
  OPEN_REQUEST_LIMIT: (x) =>
    `You already have ${d(x, "limit")} open request(s). Type ${c("status")} to see it, or ${c("cancel")} to withdraw it first.`,
  BAD_CAPACITY: (x) =>
    `Capacity is chats per month: a whole number from ${d(x, "min")} to ${d(x, "max")}, e.g. ${c("volunteer <tags> --cap 2")}.`,
  BAD_LINK: (x) =>
    `"${d(x, "given")}" isn't a link people can open. Use a full web address, e.g. ${d(x, "example")}, with ${c("volunteer <tags> --link <url>")}.`,
  BAD_FORMAT: (x) =>
    `"${d(x, "given")}" isn't a format I know. Use any of: video, in_person, phone, e.g. ${c("volunteer <tags> --formats video,phone")}.`,
  BAD_ZONE: (x) => zoneFailure(x, style),
  BAD_WINDOW: (x) => `That time window doesn't work (${d(x, "issue")}). Try e.g. "${d(x, "example")}". Type ${c("help")} for examples.`,
  NOT_FOUND: () => `I couldn't find that. Type ${c("status")} to see what's open for you.`,
  NOT_YOURS: () => `That one belongs to someone else, so I left it alone. Type ${c("status")} to see yours.`,
  NOT_OPEN: () => `That request already has an intro on its way. Type ${c("status")} to follow it.`,
  NO_CANDIDATE: () => "Nobody fits right now. You're on the waitlist and I'll introduce you as soon as someone does.",
  VOLUNTEER_UNAVAILABLE: () => `That volunteer can't take this chat right now. Type ${c("choose auto")} and I'll pick the best match.`,
  AT_CAPACITY: () => `That volunteer is at their monthly limit. Type ${c("choose auto")} and I'll pick the next best match.`,
  BAD_CHOICE: (x) => `Pick a number from 1 to ${d(x, "choices") || "3"}. Type ${c("status")} to see the choices.`,
  NOTHING_TO_CHOOSE: () => `You have no request waiting for a choice. Start one with ${c("request <tags> -- <what you want to learn>")}.`,
  NOTHING_TO_ANSWER: () => `There's no intro waiting for your answer right now. Type ${c("status")} to see what's open for you.`,
  NOTHING_TO_PICK: () => `There's no chat waiting for a time right now. Type ${c("status")} to see yours.`,
  NO_CHAT_WITH: (x) =>
    `You have no chat with "${d(x, "given")}", so nothing was cancelled. To cancel your request instead, type ${c("cancel")}; ${c("status")} shows what's open.`,
  NOTHING_TO_CANCEL: () => `You have nothing open to cancel. Type ${c("status")} to see what's open for you.`,
  NOTHING_TO_RENEW: () => `You have no expired request to renew. Start a new one with ${c("request <tags> -- <what you want to learn>")}.`,
  NO_CHAT: () => `I couldn't find a chat for that. Type ${c("status")} to see yours.`,
  EXPIRED: () => "That intro has expired, so the seeker has moved on. Thanks anyway!",
  ALREADY_DECLINED: () => "You already declined that intro.",
  ALREADY_ACCEPTED: () => `You already accepted that intro — pick a time with ${c("pick <n>")}.`,
  CANCELLED: () => "That intro was withdrawn, so there's nothing to do.",
  NOT_PROPOSING: (x) => `That chat is ${d(x, "status")} already, so there's no time to pick. Type ${c("status")} to see it.`,
  SLOT_TAKEN: (x) =>
    Number(x?.fresh ?? 0) > 0
      ? "That time was just taken. I've sent fresh options to you both — pick one of those."
      : `That time was just taken, and there's no other time free for you both in the next two weeks. Add more free times with ${c("availability <days> <from>-<to>")}, then type ${c("reschedule")}.`,
  SLOT_PASSED: (x) =>
    Number(x?.fresh ?? 0) > 0
      ? "That time has already passed. I've sent fresh options to you both — pick one of those."
      : `That time has already passed, and there's no other time free for you both in the next two weeks. Add more free times with ${c("availability <days> <from>-<to>")}, then type ${c("reschedule")}.`,
  ALREADY_MATCHED: (x) =>
    `That intro expired and ${d(x, "seeker") || "they"} ${d(x, "seeker") ? "has" : "have"} already been matched with someone else — thanks anyway! New intros will come your way.`,
  REQUEST_CLOSED: (x) =>
    `That intro expired and ${d(x, "seeker") || "they"} no longer need${d(x, "seeker") ? "s" : ""} the chat — thanks anyway!`,
  NOT_SCHEDULED: () => `That chat has no time yet. Pick one first with ${c("pick <n>")}.`,
  TOO_EARLY: () => `That chat hasn't started yet. Use ${c("reschedule")} or ${c("cancel")} if plans changed.`,
  ALREADY_RECORDED: (x) => `Already recorded as ${d(x, "outcome").replace("_", "-")}; thanks!`,
  ALREADY_CLOSED: () => "That one is already closed.",
  MOVED_ON: () =>
    `That chat's request has moved on to another chat since, so this one stays closed. Type ${c("status")} to see what's open.`,
  DATE_IN_PAST: () => `That date has passed. Pause until a future date, e.g. ${c("pause +2w")}.`,
  TOO_FAR: () => `You can pause for up to a year. Use ${c("leave")} to stop entirely.`,
  BAD_DATE: (x) => pauseFailure(x, style),
  BAD_DAY_OFF: (x) => dayOffFailure(x, style),
  SELF: () => `You can't block yourself. To stop intros for a while, type ${c("pause +2w")}.`,
  UNKNOWN_MEMBER: () => `I don't know that member yet: they need to have used coffee chats here. Type ${c("help")} for the commands.`,
  NOT_BLOCKED: (x) =>
    `"${d(x, "given")}" isn't on your block list, so there's nothing to undo. Type ${c("status")} to see whom you've blocked.`,
  NOT_VOLUNTEERING: () => `You aren't volunteering, so there's nothing to stop. To start: ${c("volunteer <tags>")}.`,
  NOT_HAPPENED: () => `Referrals come after a chat that happened. Mark it with ${c("happened")} first.`,
  SAME_PERSON: () => `Refer them to someone new — not yourself or themselves: ${c("refer <member>")}.`,
  NOT_A_VOLUNTEER: () => `That member hasn't volunteered yet. Ask them to type ${c("volunteer <tags>")} first.`,
  TARGET_UNAVAILABLE: (x) => {
    switch (d(x, "why")) {
      case "no_shared_time":
        return `They share no free time with that member in the next two weeks, so I can't introduce them. That member can add free times with ${c("availability <days> <from>-<to>")}; or suggest someone else with ${c("refer <member>")}.`;
      case "at_capacity":
        return `That member has had all the chats they offered this month. Suggest someone else with ${c("refer <member>")}, or try again next month.`;
      case "excluded":
        return `They met recently, or one of them asked not to be matched with the other, so I won't introduce them. Suggest someone else with ${c("refer <member>")}.`;
      default:
        return `That member is taking a break from chats right now. Suggest someone else with ${c("refer <member>")}.`;
    }
  },
  ROUNDS_OFF: () =>
    `Peer rounds are switched off in this community. An admin can switch them on with ${c("admin settings roundsEveryWeeks 2")}.`,
  LEFT: () => `You've left coffee chats here. Type ${c("resume")} to come back, then ${c("rounds join")}.`,
  NOT_IN_ROUNDS: () => `You're not in peer rounds. Type ${c("rounds join")} to be paired with a peer each round.`,
  NO_GROUP: () => `You haven't been paired in a peer round yet. Type ${c("rounds join")} if you'd like to be.`,
  NOT_IN_GROUP: () =>
    `That peer group isn't yours, so only its members can pick its time. Type ${c("rounds pick <n>")} to book a time for your own group.`,
  ROUND_ANSWERED: () =>
    `Your group already answered "did you meet?", so its time can't change any more. You'll be paired again next round — ${c("rounds skip")} sits one out.`,
  NO_ROUND_TIMES: () =>
    "I found no time that suits everyone in your group, so there's nothing to pick — agree a time in your group's conversation.",
  BAD_ROUND_CHOICE: (x) =>
    `Your group has ${d(x, "choices")} time(s) to pick from: type ${c("rounds pick 1")} up to ${c(`rounds pick ${d(x, "choices")}`)}, as numbered in your group's peer-round message.`,
  ROUND_SLOT_PASSED: () =>
    `That time has already passed. Pick a later one of your group's times with ${c("rounds pick <n>")}, or agree a new time in your group's conversation.`,
  NO_COMMUNITY: () => "This community isn't set up yet: nobody has used Percolate here.",
  NOT_ADMIN: (x) => `Only community admins can use admin ${d(x, "action")}. Ask an admin to add you with ${c("admin add <member>")}.`,
  UNKNOWN_SETTING: (x) => {
    const near = Array.isArray(x?.suggestions) ? x.suggestions.map(String) : [];
    const guess = near.length ? ` Did you mean ${near.join(" or ")}? e.g. ${c(`admin settings ${near[0]} <value>`)}.` : "";
    return `There's no setting "${d(x, "key")}".${guess} Type ${c("admin settings")} to see them all.`;
  },
  DASHBOARD_OFF: () =>
    `The web dashboard isn't switched on for this bot. Whoever runs it can turn it on: set PUBLIC_URL to the address people reach the bot at, and serve HTTP (set HTTP_PORT, or run Slack over HTTP). Then type ${c("admin dashboard")} again.`,
  BAD_SETTING: (x) => `"${d(x, "given")}" won't work for ${d(x, "key")}: use ${d(x, "allowed")}.`,
  BAD_TAG: (x) => `"${d(x, "given")}" isn't a tag I can use. Tags are words or dashes, e.g. ${c("admin tags alias ml machine-learning")}.`,
  NOT_AN_ALIAS: (x) => `"${d(x, "given")}" isn't an alias here, so nothing changed. Type ${c("admin tags list")} to see the aliases.`,
  BUILT_IN_ALIAS: (x) =>
    `"${d(x, "from")}" is a built-in alias of ${d(x, "to")}, so it can't be removed. To make it mean another topic, type ${c(`admin tags alias ${d(x, "from")} <topic>`)}.`,
  SAME_TAG: (x) => `Those are the same tag (${d(x, "tag")}), so nothing changed.`,
  UNKNOWN_TAG: (x) => `Nobody uses "${d(x, "tag")}" yet. To map a new word, use ${c("admin tags alias <from> <to>")}.`,
  TAG_EXISTS: (x) => `"${d(x, "tag")}" is in use already. To fold one into the other, use ${c("admin tags merge <from> <to>")}.`,
  BAD_PERIOD: (x) => `I couldn't read the period "${d(x, "given")}". Use ${d(x, "example")}, e.g. ${c("admin stats 30d")}.`,
  NOT_THE_SEEKER: () =>
    `Thank-you notes go from the person who asked for the chat to the one who gave their time. To rate the chat, type ${c("feedback <1-5> [note]")}.`,
  EMPTY_NOTE: () => `Add your note after the word, e.g. ${c("thanks Your tip about portfolios was just what I needed")}.`,
  ALREADY_THANKED: (x) => `You've already sent ${d(x, "volunteer") || "them"} a thank-you for this chat — one is just right.`,
  VOLUNTEER_GONE: () => "They've left coffee chats, so I can't pass a note on any more.",
  DECLINED_RECENTLY: (x) =>
    `${d(x, "target")} said no to a chat with ${d(x, "seeker")} recently, so I won't ask them again so soon. Could you suggest someone else with ${c("refer <member>")}?`,
  BAD_RATING: () => `Rate the chat from 1 to 5, e.g. ${c("feedback 5 really helpful")}.`,
  NO_CHANNEL: () =>
    `There's no program channel yet, so there's nowhere to post. Set one with ${c("admin settings programChannelId <channel>")}; the weekly post then goes there.`,
  NO_PLATFORM: () => `I can't post in channels from here. To see what the post would say, type ${c("admin post")}.`,
  POST_FAILED: (x) =>
    `I couldn't post in the program channel (${d(x, "error") || "refused"}). Add me to the channel and let me post there, then type ${c("admin post now")} again.`,
});

/** A failure code in words, naming the fix. Unknown codes still get a helpful line. */
export function renderFailure(code: string, detail: Record<string, unknown> | undefined, style: TextStyle): string {
  const c = style.cmd;
  const all = messages(c, style);
  const m = Object.hasOwn(all, code) ? all[code as FailureCode] : undefined;
  return m ? m(inert(detail, style)) : `That didn't work (${u(style, code)}). Type ${c("help")} to see what you can do.`;
}

/** A value a person gave, echoed back: short enough to read, and inert on the surface. */
const u = (style: TextStyle, text: string): string => style.user(clip(text, ECHO_MAX));

/** A failure's details with every text value made inert (they may echo what a person typed). */
function inert(detail: Detail, style: TextStyle): Detail {
  if (!detail) return detail;
  const echoed = new Set(["given", "key", "tag", "from", "to"]);
  return Object.fromEntries(
    Object.entries(detail).map(([k, v]) => [k, typeof v !== "string" ? v : echoed.has(k) ? u(style, v) : style.user(v)]),
  );
}

/** A typed value over its limit, naming the field and the limit; plain text (also shown under a form field). */
export function renderTooLong(p: Extract<ParseProblem, { code: "TOO_LONG" }>): string {
  const unit = p.unit ?? "characters";
  return `Your ${p.field} is ${p.length.toLocaleString("en-US")} ${unit} long — please keep it to ${p.max.toLocaleString("en-US")} ${unit} or fewer. Nothing was saved.`;
}

/** Where to read more about a command, in the surface's syntax. */
const helpFor = (style: TextStyle, command: string): string => `More: ${style.command("help", { topic: command })}`;

/** " (--cap)", " (capacity:)": the argument a problem is about, as written on this surface. */
const argHint = (style: TextStyle, command: string, arg: string | undefined): string => {
  const shown = arg ? argOf(command, arg, style.surface) : undefined;
  return shown ? ` (${shown})` : "";
};

/** A parse problem in words: what is wrong, the usage line and where to read more, all in the surface's syntax. */
export function renderProblem(p: ParseProblem, style: TextStyle): string {
  const c = style.cmd;
  switch (p.code) {
    case "UNKNOWN_COMMAND":
      return `I don't know "${u(style, p.word)}".${p.suggestion ? ` Did you mean ${style.usage(p.suggestion)}?` : ""} Type ${c("help")} for the list.`;
    case "MISSING":
      // `what` can hold a word the person typed ("a value for <key>"): inert like the rest.
      return `Missing ${style.user(clip(p.what, 200))}${argHint(style, p.command, p.arg)}. Usage: ${style.usage(p.command)} · ${helpFor(style, p.command)}`;
    case "TOO_LONG":
      return `${renderTooLong(p)} Usage: ${style.usage(p.command)}`;
    case "INVALID":
      return `"${u(style, p.given)}" isn't ${style.user(clip(p.what, 200))}${argHint(style, p.command, p.arg)}. Usage: ${style.usage(p.command)} · ${helpFor(style, p.command)}`;
    case "TIMES":
      return `${renderWindowProblem(p.problem, style)} Usage: ${style.usage(p.command)} · ${helpFor(style, p.command)}`;
  }
}

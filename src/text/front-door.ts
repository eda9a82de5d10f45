import type { DoorChoice, DoorValue } from "../core/commands/index.js";
import type { FrontDoorCode, FrontDoorValue } from "../core/use-cases/index.js";
import type { Result } from "../core/result.js";
import type { Action } from "./actions.js";
import type { TextStyle } from "./style.js";
import { renderRoundsReply } from "./rounds-replies.js";

/** The four buttons' labels, the same on every surface. */
export const DOOR_LABELS: Record<DoorChoice, string> = {
  learn: "I'd like to learn from someone",
  help: "I can help others",
  peers: "Pair me with peers",
  later: "Not now",
};

const ORDER: readonly DoorChoice[] = ["learn", "help", "peers", "later"];

/** The private answer to *Not now*. */
export const NOT_NOW = "No problem — the buttons stay here whenever you're ready.";

const PITCH =
  "Short conversations to learn from someone who works in a field you're exploring — or to help someone who is. Nothing happens until you pick one:";

/** The front door posted (and pinned) in the program channel. */
export function frontDoorText(): string {
  return ["☕ Coffee chats here", PITCH].join("\n");
}

/** The welcome DM to someone who joined the program channel: the same words and buttons as the front door. */
export function welcomeText(): string {
  return ["👋 Welcome! Coffee chats happen in this community.", PITCH].join("\n");
}

/** The front door's four buttons, in order; each runs the `door` command with its choice. */
export function frontDoorActions(): Action[] {
  return ORDER.map((choice) => ({
    label: DOOR_LABELS[choice],
    ...(choice === "learn" ? { style: "primary" as const } : {}),
    command: { kind: "door" as const, choice },
  }));
}

/**
 * The front door where there are no buttons (the shell): each button with the command that
 * does the same when typed.
 */
export function frontDoorTyped(style: TextStyle): string {
  const typed: Record<DoorChoice, string> = {
    learn: style.usage("request"),
    help: style.cmd("volunteer <topics>"),
    peers: style.cmd("rounds join"),
    later: "nothing to type — come back whenever you like",
  };
  return [frontDoorText(), ...ORDER.map((choice) => `  • ${DOOR_LABELS[choice]}: ${typed[choice]}`)].join("\n");
}

/** The answer to a front-door button, for the member who clicked it (privately). */
export function renderDoor(v: DoorValue, zone: string, style: TextStyle): string {
  switch (v.choice) {
    case "learn":
      return `Tell me what you'd like to learn and I'll suggest people: ${style.usage("request")}`;
    case "help":
      return `Thank you! Tell me the topics you can help with: ${style.usage("volunteer")}`;
    case "later":
      return NOT_NOW;
    case "peers":
      // The same words as `rounds join`: one answer to joining, wherever it was asked.
      return renderRoundsReply(
        { kind: "rounds_join", result: { ok: true, value: { nextRoundAt: v.nextRoundAt, already: v.already } } },
        zone,
        style,
      );
  }
}

/** What came of putting the front door up, for the admin who set the program channel. */
export function renderFrontDoor(r: Result<FrontDoorValue, FrontDoorCode>, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  if (r.ok) {
    const did = r.value.did === "updated" ? "is up to date" : r.value.did === "reposted" ? "was gone, so I posted it again" : "is posted";
    const pin = r.value.pinned ? " and pinned" : " (I couldn't pin it: please pin it by hand, or let me pin messages there)";
    return `The front door ${did}${r.value.did === "posted" ? pin : r.value.pinned ? "" : pin} in the program channel.`;
  }
  switch (r.code) {
    case "NO_CHANNEL":
      return "";
    case "NO_PLATFORM":
      return "";
    case "POST_FAILED":
      return `I couldn't post the front door in that channel (${u(String(r.detail?.error ?? "refused"))}). Add me to the channel, then set it again with ${c("admin settings programChannelId <channel>")}.`;
  }
}

import type { Nudge } from "../domain/index.js";

/**
 * Whether a due nudge's moment has passed, so sending it now would mislead (after downtime, a
 * "your chat starts at 14:00" reminder arriving at 15:31). Per kind: prep and the chat
 * reminder (a chat's or a peer group's) belong before the chat starts; the intro reminder before the intro's deadline.
 * The check-in asked once more is moot when the first one reached the same person in this
 * same round (both fell due during downtime): `askedNow` holds those, keyed by askedKey.
 * Everything else — check-ins, thank-you, keep-in-touch, confirmations — is still worth
 * sending late. Returns the reason to log, or null to send. Pure: `now` is a parameter.
 */
export function isStale(nudge: Pick<Nudge, "notice" | "to" | "communityId">, now: Date, askedNow?: ReadonlySet<string>): string | null {
  const n = nudge.notice;
  switch (n.kind) {
    case "check_in":
      return n.again && askedNow?.has(askedKey(nudge)) ? "stale: the first check-in reached them just now" : null;
    case "prep":
    case "chat_reminder":
    case "round_reminder":
      return now.getTime() >= n.slot.start.getTime() ? `stale: the chat started at ${n.slot.start.toISOString()}` : null;
    case "intro_reminder":
      return now.getTime() >= n.deadline.getTime() ? `stale: the intro's deadline passed at ${n.deadline.toISOString()}` : null;
    default:
      return null;
  }
}

/** Identifies "this check-in to these people about this chat", for isStale's `askedNow`. */
export function askedKey(nudge: Pick<Nudge, "notice" | "to" | "communityId">): string {
  const chatId = "chatId" in nudge.notice ? nudge.notice.chatId : "";
  return `${nudge.communityId}\u0000${chatId}\u0000${nudge.to.join("+")}`;
}

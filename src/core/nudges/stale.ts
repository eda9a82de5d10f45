import type { Nudge } from "../domain/index.js";

/**
 * Whether a due nudge's moment has passed, so sending it now would mislead (after downtime, a
 * "your chat starts at 14:00" reminder arriving at 15:31). Per kind: prep and the chat
 * reminder belong before the chat starts; the intro reminder before the intro's deadline.
 * Everything else — check-ins, thank-you, keep-in-touch, confirmations — is still worth
 * sending late. Returns the reason to log, or null to send. Pure: `now` is a parameter.
 */
export function isStale(nudge: Pick<Nudge, "notice">, now: Date): string | null {
  const n = nudge.notice;
  switch (n.kind) {
    case "prep":
    case "chat_reminder":
      return now.getTime() >= n.slot.start.getTime() ? `stale: the chat started at ${n.slot.start.toISOString()}` : null;
    case "intro_reminder":
      return now.getTime() >= n.deadline.getTime() ? `stale: the intro's deadline passed at ${n.deadline.toISOString()}` : null;
    default:
      return null;
  }
}

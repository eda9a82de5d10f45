import type { Notice } from "../core/domain/index.js";

/** An .ics file that goes with a message: the invite, its update, or its cancellation. */
export interface CalendarFile {
  filename: string;
  content: string;
}

/**
 * The calendar file a notice carries, if any, for every adapter to attach the same way
 * (Slack uploads it to the conversation, Discord attaches it to the message).
 */
export function calendarFileOf(n: Notice): CalendarFile | null {
  switch (n.kind) {
    case "chat_scheduled":
      return { filename: "coffee-chat.ics", content: n.ics };
    case "round_booked":
      return { filename: "peer-round.ics", content: n.ics };
    case "chat_cancelled":
      return n.ics ? { filename: "coffee-chat-cancelled.ics", content: n.ics } : null;
    case "invite_cancelled":
      return { filename: "coffee-chat-cancelled.ics", content: n.ics };
    default:
      return null;
  }
}

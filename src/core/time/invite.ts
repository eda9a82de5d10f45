import { createEvent, type Attendee, type EventAttributes } from "ics";
import type { Slot } from "../domain/chat.js";
import { PercolateError } from "../result.js";

/** A participant; without an email they cannot appear as ORGANIZER/ATTENDEE (RFC 5545 needs an address). */
export interface InvitePerson {
  name: string;
  email?: string;
}

export interface InviteInput {
  /** Stable per chat (e.g. "chat-123@percolate"), so a re-sent invite replaces the event. */
  uid: string;
  slot: Slot;
  title: string;
  description: string;
  location?: string;
  /** Must be an absolute URL (ics rejects anything else). */
  url?: string;
  organizer?: InvitePerson;
  attendees: InvitePerson[];
  /** Becomes DTSTAMP, so the output is deterministic. */
  now: Date;
  /** Bump on every later invite (an update, a cancellation) so calendars take it; default 0. */
  sequence?: number;
  /** REQUEST (default) books or updates the event; CANCEL removes it (STATUS:CANCELLED). */
  method?: "REQUEST" | "CANCEL";
}

/**
 * An RFC 5545 VCALENDAR (METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED for a
 * cancellation; one VEVENT, CRLF line endings) with
 * DTSTART/DTEND in UTC "Z" form, the given stable UID, SEQUENCE, and DTSTAMP =
 * `now`. People without an email are left out of ORGANIZER/ATTENDEE (a line
 * without an address would be invalid), so put names in the description.
 * Throws PercolateError, with the ics error as cause, if ics rejects the input
 * (e.g. a `url` that is not a URL).
 */
export function buildInvite(input: InviteInput): string {
  const attendees: Attendee[] = input.attendees
    .filter((p) => p.email !== undefined && p.email !== "")
    .map((p) => ({ name: p.name, email: p.email, rsvp: true, partstat: "NEEDS-ACTION", role: "REQ-PARTICIPANT" }));
  const organizer = input.organizer?.email ? { name: input.organizer.name, email: input.organizer.email } : undefined;
  // `timestamp` (DTSTAMP) is accepted by ics but missing from its types.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "-//Percolate//Coffee chats//EN",
    method: input.method ?? "REQUEST",
    uid: input.uid,
    sequence: input.sequence ?? 0,
    timestamp: input.now.getTime(),
    start: input.slot.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.slot.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: input.title,
    description: input.description,
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    ...(input.location ? { location: input.location } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(organizer ? { organizer } : {}),
    ...(attendees.length > 0 ? { attendees } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error !== null || value === null) {
    throw new PercolateError(`could not build the calendar invite for ${input.uid}`, { cause: error });
  }
  return value;
}

/** 20261124T090000Z */
function utcBasic(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/**
 * A Google Calendar "add event" link for the slot:
 * https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=START/END&details=…[&location=…]
 * with dates in UTC basic format and every value URL-encoded.
 */
export function googleCalendarLink(input: { slot: Slot; title: string; description: string; location?: string }): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: input.title,
    dates: `${utcBasic(input.slot.start)}/${utcBasic(input.slot.end)}`,
    details: input.description,
  });
  if (input.location) params.set("location", input.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

import ICAL from "ical.js";

/** What a calendar reads from an .ics, parsed by ical.js (an independent parser, not the one that wrote it). */
export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  start: Date;
}

export function parseInvite(ics: string): ParsedInvite {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const event = cal.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT in the invite");
  const start = event.getFirstPropertyValue("dtstart");
  if (!(start instanceof ICAL.Time)) throw new Error("no DTSTART in the invite");
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: String(event.getFirstPropertyValue("status")),
    start: start.toJSDate(),
  };
}

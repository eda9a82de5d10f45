import { describe, expect, it } from "vitest";
import { PercolateError } from "../../../src/core/result.js";
import { buildInvite, googleCalendarLink, type InviteInput } from "../../../src/core/time/invite.js";
import { parseInvite } from "../../support/ics.js";
import { utc } from "./helpers.js";

const base: InviteInput = {
  uid: "chat-42@percolate",
  slot: { start: utc("2026-11-24T09:00:00Z"), end: utc("2026-11-24T09:30:00Z") },
  title: "Coffee chat: Ana & Bo",
  description: "Ana wants to learn about data engineering; Bo, 10 years in the field.\nSay hi!",
  location: "https://meet.example.com/abc",
  url: "https://meet.example.com/abc",
  organizer: { name: "Percolate" },
  attendees: [{ name: "Ana", email: "ana@example.com" }, { name: "Bo" }],
  now: utc("2026-11-20T12:00:00Z"),
};

/** RFC 5545 §3.1: unfold continuation lines (CRLF + space/tab). */
const unfold = (ics: string): string[] =>
  ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((l) => l !== "");

describe("buildInvite", () => {
  it("produces a parseable VCALENDAR with UTC times, a stable UID and METHOD:REQUEST", () => {
    const ics = buildInvite(base);
    const lines = unfold(ics);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    for (const l of [
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "END:VEVENT",
      "UID:chat-42@percolate",
      "DTSTART:20261124T090000Z",
      "DTEND:20261124T093000Z",
      "DTSTAMP:20261120T120000Z",
      "SEQUENCE:0",
      "STATUS:CONFIRMED",
    ]) {
      expect(lines).toContain(l);
    }
    // Every content line is NAME[;PARAM=...]:VALUE.
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9-]*(;[A-Z0-9-]+=("[^"]*"|[^;:"]*))*:/);
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toContain("\\; Bo\\, 10 years");
  });

  it("is deterministic and keeps the UID across reschedules", () => {
    expect(buildInvite(base)).toBe(buildInvite(base));
    const moved = buildInvite({ ...base, slot: { start: utc("2026-11-25T09:00:00Z"), end: utc("2026-11-25T09:30:00Z") }, sequence: 1 });
    expect(unfold(moved)).toContain("UID:chat-42@percolate");
    expect(unfold(moved)).toContain("SEQUENCE:1");
  });

  it("lists only people with an email as attendees", () => {
    const lines = unfold(buildInvite(base));
    expect(lines.filter((l) => l.startsWith("ATTENDEE")).length).toBe(1);
    expect(lines.some((l) => l.startsWith("ORGANIZER"))).toBe(false);
    const withOrg = unfold(buildInvite({ ...base, organizer: { name: "Bo", email: "bo@example.com" } }));
    expect(withOrg.find((l) => l.startsWith("ORGANIZER"))).toMatch(/:mailto:bo@example\.com$/i);
  });

  it("throws PercolateError with the ics error as cause for bad input", () => {
    let caught: unknown;
    try {
      buildInvite({ ...base, url: "not a url" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PercolateError);
    expect((caught as PercolateError).cause).toBeDefined();
  });
});

describe("googleCalendarLink", () => {
  it("builds a TEMPLATE link with UTC basic dates", () => {
    const link = new URL(googleCalendarLink({ slot: base.slot, title: base.title, description: "a & b", location: "Café" }));
    expect(link.origin + link.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(link.searchParams.get("action")).toBe("TEMPLATE");
    expect(link.searchParams.get("text")).toBe("Coffee chat: Ana & Bo");
    expect(link.searchParams.get("dates")).toBe("20261124T090000Z/20261124T093000Z");
    expect(link.searchParams.get("details")).toBe("a & b");
    expect(link.searchParams.get("location")).toBe("Café");
  });
});

describe("buildInvite: METHOD:CANCEL", () => {
  it("a cancellation keeps the UID, carries the SEQUENCE given and STATUS:CANCELLED, as ical.js reads it", () => {
    const ics = buildInvite({ ...base, method: "CANCEL", sequence: 2 });
    expect(parseInvite(ics)).toEqual({
      method: "CANCEL",
      uid: "chat-42@percolate",
      sequence: 2,
      status: "CANCELLED",
      start: utc("2026-11-24T09:00:00Z"),
    });
    expect(parseInvite(buildInvite(base))).toMatchObject({ method: "REQUEST", status: "CONFIRMED", sequence: 0 });
  });
});

import { describe, expect, it } from "vitest";
import type { Chat } from "../../../src/core/domain/index.js";
import { calendarOf, cancellationOf, withBookedInvite } from "../../../src/core/use-cases/shared/calendar.js";
import { parseInvite } from "../../support/ics.js";

const slot = { start: new Date("2026-11-25T08:00:00Z"), end: new Date("2026-11-25T08:30:00Z") };
const later = { start: new Date("2026-11-26T08:00:00Z"), end: new Date("2026-11-26T08:30:00Z") };
const NOW = new Date("2026-11-23T08:00:00Z");
const chat = (over: Partial<Chat> = {}): Chat => ({
  id: "chat_7",
  communityId: "c",
  requestId: "r",
  introId: "i",
  seekerId: "c:sam",
  volunteerId: "c:vera",
  status: "proposing",
  minutes: 30,
  format: "video",
  proposedSlots: [],
  slot: null,
  reschedules: 0,
  cancelledBy: null,
  outcomeAt: null,
  reports: [],
  invite: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

describe("the invite a chat's calendars hold", () => {
  it("the first booking sends SEQUENCE 0, each rebooking one more, and a cancellation one more again", () => {
    const first = withBookedInvite(chat({ status: "scheduled", slot }));
    expect(first.invite).toEqual({ sequence: 0, slot, cancelled: false });
    const moved = withBookedInvite({ ...first, status: "scheduled", slot: later, reschedules: 1 });
    expect(moved.invite).toEqual({ sequence: 1, slot: later, cancelled: false });
    const c = cancellationOf(moved, NOW);
    expect(c?.invite).toEqual({ sequence: 2, slot: later, cancelled: true });
    expect(parseInvite(c?.ics ?? "")).toEqual({
      method: "CANCEL",
      uid: "chat_7@percolate",
      sequence: 2,
      status: "CANCELLED",
      start: later.start,
    });
    expect(c && cancellationOf(c.chat, NOW)).toBeNull(); // nothing left to cancel
  });

  it("nothing to cancel for a chat never booked", () => {
    expect(cancellationOf(chat(), NOW)).toBeNull();
    expect(calendarOf(chat({ proposedSlots: [slot] }))).toBeNull();
  });

  it("a chat booked before invites were recorded holds SEQUENCE = reschedules, and its rebooking continues from there", () => {
    const legacy = chat({ status: "scheduled", slot, reschedules: 2 });
    expect(calendarOf(legacy)).toEqual({ sequence: 2, slot, cancelled: false });
    expect(cancellationOf(legacy, NOW)?.invite.sequence).toBe(3);
    expect(withBookedInvite({ ...legacy, slot: later, reschedules: 3 }).invite?.sequence).toBe(3);
  });
});

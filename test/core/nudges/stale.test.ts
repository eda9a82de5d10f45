import { describe, expect, it } from "vitest";
import type { Nudge } from "../../../src/core/domain/index.js";
import { askedKey, isStale } from "../../../src/core/nudges/stale.js";

const T = Date.parse("2026-11-25T13:00:00Z"); // a chat at 14:00 Berlin
const slot = { start: new Date(T), end: new Date(T + 30 * 60_000) };
const person = { id: "c:vera", name: "vera", timeZone: "Europe/Berlin" };
const at = (ms: number) => new Date(T + ms);
const nudge = (notice: Nudge["notice"]): Pick<Nudge, "notice" | "to" | "communityId"> => ({ notice, to: ["c:sam"], communityId: "c" });

describe("isStale", () => {
  const reminder = nudge({ kind: "chat_reminder", chatId: "chat_1", other: person, slot, minutes: 30, format: "video", meetingLink: "" });
  const prep = nudge({
    kind: "prep",
    chatId: "chat_1",
    volunteer: { ...person, tags: [], bio: "" },
    slot,
    minutes: 30,
    goals: "",
    questions: [],
  });

  it("a reminder or prep goes until the chat starts, and is skipped from then on, with the reason", () => {
    for (const n of [reminder, prep]) {
      expect(isStale(n, at(-60_000))).toBeNull();
      expect(isStale(n, at(0))).toBe("stale: the chat started at 2026-11-25T13:00:00.000Z");
      expect(isStale(n, at(91 * 60_000))).toMatch(/^stale:/); // "starts at 14:00" at 15:31
    }
  });

  it("an intro reminder is skipped once the intro's deadline passed", () => {
    const n = nudge({ kind: "intro_reminder", introId: "i1", seeker: person, deadline: new Date(T) });
    expect(isStale(n, at(-1))).toBeNull();
    expect(isStale(n, at(0))).toMatch(/^stale: the intro's deadline passed/);
  });

  it("check-ins, thank-you and keep-in-touch still go however late", () => {
    const late = at(30 * 86_400_000);
    expect(isStale(nudge({ kind: "check_in", chatId: "chat_1", other: person }), late)).toBeNull();
    expect(isStale(nudge({ kind: "thank_you", chatId: "chat_1", volunteer: person, goals: "", draft: "" }), late)).toBeNull();
    expect(isStale(nudge({ kind: "keep_in_touch", chatId: "chat_1", volunteer: person }), late)).toBeNull();
  });

  it("the check-in asked once more is skipped when the first reached the same person just now", () => {
    const first = nudge({ kind: "check_in", chatId: "chat_1", other: person });
    const again = nudge({ kind: "check_in", chatId: "chat_1", other: person, again: true });
    expect(isStale(again, at(0), new Set())).toBeNull();
    expect(isStale(again, at(0), new Set([askedKey(first)]))).toMatch(/^stale:/);
    expect(isStale(first, at(0), new Set([askedKey(first)]))).toBeNull();
  });
});

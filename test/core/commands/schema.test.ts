import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ButtonCommand, decodeButton, encodeButton } from "../../../src/core/commands/index.js";

const id = fc.stringMatching(/^[a-z]{2,6}_[0-9a-f]{1,20}$/);
const command: fc.Arbitrary<ButtonCommand> = fc.oneof(
  id.map((introId) => ({ kind: "accept" as const, introId })),
  id.map((introId) => ({ kind: "decline" as const, introId })),
  fc.record({ kind: fc.constant("pick" as const), chatId: id, choice: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant("outcome" as const),
    chatId: id,
    outcome: fc.constantFrom("happened" as const, "no_show" as const, "rescheduled" as const),
  }),
  fc.record({
    kind: fc.constant("choose" as const),
    requestId: id,
    pick: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant("auto" as const)),
  }),
  id.map((chatId) => ({ kind: "cancel" as const, chatId })),
  id.map((chatId) => ({ kind: "cancel" as const, chatId, confirmed: true as const })),
  fc.record({ kind: fc.constant("decline" as const), introId: id, reason: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.constant({ kind: "leave" as const, confirmed: true as const }),
  fc.constant({ kind: "forget_me" as const, confirmed: true as const }),
  fc.record({ kind: fc.constant("feedback" as const), chatId: id, rating: fc.integer({ min: 1, max: 5 }), note: fc.constant("" as const) }),
);

describe("button payloads", () => {
  it("round-trip every button command, within Discord's 100-character custom_id", () => {
    fc.assert(
      fc.property(command, (c) => {
        const text = encodeButton(c);
        expect(text.length).toBeLessThanOrEqual(100);
        expect(decodeButton(text)).toEqual(c);
      }),
    );
  });

  it("reject stale, forged or malformed payloads as null", () => {
    for (const bad of [
      "",
      "accept",
      "pick|chat_1|0",
      "pick|chat_1|x",
      "outcome|chat_1|maybe",
      "drop|table",
      "feedback|chat_1|6",
      "choose|req_1|-1",
    ]) {
      expect(decodeButton(bad)).toBeNull();
    }
    fc.assert(fc.property(fc.string(), (s) => void decodeButton(s)));
  });
});

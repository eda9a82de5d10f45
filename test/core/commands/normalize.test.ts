import { describe, expect, it } from "vitest";
import { normalizeField, normalizeTyped } from "../../../src/core/commands/index.js";

/* Typed text as people meant it (issue 14): what phones and copy-paste do to `--`, quotes and spaces. */
describe("normalizeTyped", () => {
  it.each([
    ["request ml — how to start", "request ml -- how to start"],
    ["request ml – how to start", "request ml -- how to start"],
    ["request ml —how to start", "request ml -- how to start"],
    ["request ml -- how — and why", "request ml -- how — and why"],
    ["request ml — how — and why", "request ml -- how — and why"],
    ["volunteer ml —cap 2 —Bio Data lead — fintech", "volunteer ml --cap 2 --Bio Data lead — fintech"],
    ["availability Mon–Fri 9–17 —off 2026-12-24", "availability Mon-Fri 9-17 --off 2026-12-24"],
    ["profile “ux” ‘research’", "profile \"ux\" 'research'"],
    ["\uFEFFstatus\u200B", "status"],
    ["profile\u00A0ml\u2009—\u202Fgoals", "profile ml -- goals"],
    ["\u200Fstatus\u200E", "status"],
    ["pause \u22122w", "pause -2w"],
    ["profile 👩\u200D💻 -- goals", "profile 👩\u200D💻 -- goals"],
    ["profile \u200Dml\u200C", "profile ml"],
    ["profile cafe\u0301", "profile café"],
  ])("%j reads as %j", (typed, meant) => {
    expect(normalizeTyped(typed)).toBe(meant);
    // Normalizing what was already normalized changes nothing (the shell and the parser both do it).
    expect(normalizeTyped(meant)).toBe(meant);
  });

  it("keeps dashes inside a form field, but reads day and hour ranges", () => {
    expect(normalizeField("Data lead — fintech\u00A0“FX”")).toBe('Data lead — fintech "FX"');
    expect(normalizeField("Mon–Fri 9–17")).toBe("Mon-Fri 9-17");
  });
});

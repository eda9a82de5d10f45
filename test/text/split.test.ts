import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitText } from "../../src/text/index.js";

const graphemes = (s: string): string[] => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].map((g) => g.segment);
/** Everything but whitespace, in order: what a reader must find again across the parts. */
const ink = (s: string): string => s.replace(/\s+/g, "");

describe("splitText: long text in parts a platform takes", () => {
  it("leaves text that fits as one part, even at exactly the limit", () => {
    expect(splitText("", 10)).toEqual([""]);
    expect(splitText("short", 10)).toEqual(["short"]);
    expect(splitText("x".repeat(10), 10)).toEqual(["x".repeat(10)]);
  });

  it("cuts at the last line break that fits, dropping only that break", () => {
    const lines = Array.from({ length: 300 }, (_, n) => `line ${n}: ${"·".repeat(n % 37)}`);
    const text = lines.join("\n");
    const parts = splitText(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.join("\n")).toBe(text);
    // Every line arrives whole, in one part.
    for (const l of lines) expect(parts.some((p) => p.split("\n").includes(l))).toBe(true);
  });

  it("fills parts as far as lines allow: never two parts that would have fit as one", () => {
    const text = ["a".repeat(6), "b".repeat(6), "c".repeat(6), "d".repeat(6)].join("\n");
    expect(splitText(text, 13)).toEqual(["aaaaaa\nbbbbbb", "cccccc\ndddddd"]);
  });

  it("cuts a line longer than the limit at a space, not inside a word", () => {
    const words = Array.from({ length: 400 }, (_, n) => `word${n}`);
    const text = words.join(" ");
    const parts = splitText(text, 500);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(500);
      for (const w of p.split(" ")) expect(words).toContain(w);
    }
    expect(parts.join(" ")).toBe(text);
  });

  it("keeps the lines around a very long line whole, and the long line's words", () => {
    const long = Array.from({ length: 900 }, (_, n) => `w${n}`).join(" ");
    const text = `first line\n${long}\nlast line`;
    const parts = splitText(text, 2000);
    expect(parts[0]).toBe("first line");
    expect(parts.at(-1)?.endsWith("\nlast line")).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(ink(parts.join(""))).toBe(ink(text));
  });

  it("never cuts inside a timestamp, a mention, a markdown link or inline code", () => {
    const pieces = [
      "<t:1767225600:F>",
      "<@123456789012345678>",
      "[the guide](https://example.com/a-guide)",
      "`/coffee admin tags op:list`",
    ];
    for (const piece of pieces)
      for (let at = 90; at <= 100; at++) {
        // Where a plain cut at 100 would land inside the piece; no space before it to cut at.
        const text = `${"x".repeat(at)}${piece}${"y".repeat(50)}`;
        const parts = splitText(text, 100);
        expect(parts.join(""), `${piece} at ${at}`).toBe(text);
        expect(
          parts.some((p) => p.includes(piece)),
          `${piece} at ${at}`,
        ).toBe(true);
      }
    // With spaces, the cut goes before the link, not between its words.
    const linked = `${"word ".repeat(18)}see [the community guide](https://example.com/guide) today`;
    const parts = splitText(linked, 100);
    expect(parts.some((p) => p.includes("[the community guide](https://example.com/guide)"))).toBe(true);
  });

  it("cuts a list with no spaces after a comma", () => {
    const ids = Array.from({ length: 150 }, (_, n) => String(100_000_000_000_000_000n + BigInt(n)));
    const parts = splitText(`adminRoleIds ${ids.join(",")}`, 2000);
    expect(parts.length).toBe(2);
    for (const id of ids) expect(parts.some((p) => p.includes(id))).toBe(true);
  });

  it("never breaks an emoji, a flag or an accented letter, even in a line with no spaces", () => {
    for (const g of ["👍🏽", "👩‍👩‍👧‍👦", "🇫🇷", "é", "☕"]) {
      const text = g.repeat(Math.ceil(5000 / g.length));
      const parts = splitText(text, 2000);
      expect(parts.length).toBeGreaterThan(2);
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(2000);
        expect(new Set(graphemes(p))).toEqual(new Set([g]));
      }
      expect(parts.join("")).toBe(text);
    }
  });

  it("leaves out parts that would hold nothing but blank lines", () => {
    const text = `${"a".repeat(8)}\n\n\n\n${"b".repeat(8)}`;
    const parts = splitText(text, 9);
    expect(parts).toEqual(["aaaaaaaa", "bbbbbbbb"]);
  });

  it("loses nothing and keeps every part within the limit, whatever the text (property)", () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom("\n", "\n\n", " ", "<t:1767225600:F>", "<@123>", "[a b](https://x.y/z)", "`a b`", "👩‍👩‍👧‍👦", "x".repeat(300)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 20, max: 400 }), (xs, max) => {
        const text = xs.join("");
        const parts = splitText(text, max);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
        expect(ink(parts.join(""))).toBe(ink(text));
        for (const p of parts) for (const g of graphemes(p)) expect(text).toContain(g);
      }),
      { numRuns: 300 },
    );
  });
});

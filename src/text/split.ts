/**
 * Pieces that read as one and must not be cut: a `<…>` token (mention, channel, timestamp,
 * custom emoji, a link shown without preview), a markdown link `[label](url)`, inline code.
 */
const WHOLE = /<[^<>\s]{1,200}>|\[[^\]\n]*\]\([^)\s]*\)|`[^`\n]+`/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Where `window`'s whole pieces start and end, to keep a cut out of them. */
function wholeSpans(window: string): [number, number][] {
  return [...window.matchAll(WHOLE)].map((m) => [m.index, m.index + m[0].length]);
}

const inside = (spans: readonly [number, number][], at: number): boolean => spans.some(([s, e]) => s < at && at < e);

/** The last character boundary at or before `end` (no emoji, flag or accented letter broken), at least 1. */
function characterEnd(text: string, end: number): number {
  let best = 0;
  for (const { index } of graphemes.segment(text.slice(0, end + 32))) {
    if (index > end) break;
    best = index;
  }
  if (best > 0) return best;
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff && end > 1 ? end - 1 : end;
}

/**
 * Where the first part of `rest` (longer than `max`) ends, and how many characters the cut
 * drops: the last line break that fits; else, within the line, the last space or comma that
 * fits outside a whole piece (the space dropped, the comma kept); else as late as fits, before
 * a whole piece it would cut and on a character boundary.
 */
function cutOf(rest: string, max: number): { end: number; drop: number } {
  const nl = rest.lastIndexOf("\n", max);
  if (nl >= 0) return { end: nl, drop: 1 };
  const spans = wholeSpans(rest.slice(0, max + 200));
  for (let i = max; i > 0; i--) {
    if (inside(spans, i)) continue;
    if (rest[i] === " ") return { end: i, drop: 1 };
    if (rest[i - 1] === "," || rest[i - 1] === ";") return { end: i, drop: rest[i] === " " ? 1 : 0 };
  }
  let end = max;
  const span = spans.find(([s, e]) => s < end && end < e);
  if (span && span[0] > 0) end = span[0];
  // A backslash escapes the next character: keep the two together.
  if (end > 1 && rest[end - 1] === "\\") end--;
  return { end: characterEnd(rest, end), drop: 0 };
}

/**
 * `text` as parts of at most `max` characters (UTF-16 units, as the platforms count), for a
 * platform whose messages are limited: cut at line breaks; a line longer than `max` at a space
 * (never inside a mention, timestamp, markdown link or inline code when it can be helped), and
 * a character is never broken. A cut drops only the line breaks or the space it is made at, so
 * nothing a reader sees is lost, and no part is blank. Text that fits is one part.
 */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const limit = Math.max(1, Math.floor(max));
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const { end, drop } = cutOf(rest, limit);
    parts.push(rest.slice(0, end).replace(/\n+$/, ""));
    rest = rest.slice(end + drop).replace(/^\n+/, "");
  }
  parts.push(rest);
  const kept = parts.filter((p) => p.trim() !== "");
  return kept.length ? kept : [text.slice(0, characterEnd(text, limit))];
}

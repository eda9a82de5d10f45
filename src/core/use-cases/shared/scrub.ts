/** What forget-me replaces: the member's id, the bare platform part of it, and their name. */
export interface Scrub {
  oldId: string;
  newId: string;
  /** The member's display name; replaced wherever it appears in text (names of 3+ characters). */
  name: string;
  /** What the name becomes. */
  placeholderName: string;
}

export const FORMER_MEMBER = "a former member";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A string rewriter for forget-me: the full opaque id becomes the placeholder id; the
 * platform's own user id (the id's last `:` part, when 5+ characters, e.g. Slack `U0G9QF9C6`)
 * and the display name become neutral words. Short names are only replaced as whole strings,
 * so "Al" does not rewrite every "also"; longer names, and each part of them, only as whole
 * words (over-redacting another "Zelda" in someone's note is the safe side).
 */
export function stringScrubber(s: Scrub): (text: string) => string {
  const bare = s.oldId.split(":").pop() ?? "";
  const patterns: [RegExp, string][] = [[new RegExp(escapeRegExp(s.oldId), "g"), s.newId]];
  const word = (w: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, "giu");
  if (bare.length >= 5 && bare !== s.oldId) patterns.push([word(bare), "former-member"]);
  // The whole name first, then each part of it ("Zelda", "Quixote"), as whole words.
  const parts = [s.name.trim(), ...s.name.trim().split(/\s+/)].filter((p, i, all) => p.length >= 3 && all.indexOf(p) === i);
  for (const p of parts) patterns.push([word(p), s.placeholderName]);
  return (text) => {
    if (text === s.name) return s.placeholderName;
    let out = text;
    for (const [re, by] of patterns) out = out.replace(re, by);
    return out;
  };
}

/**
 * Fields holding ids, enum values or tags (alone or in lists). They are rewritten only where
 * they equal the old id exactly: a name-based rewrite must never touch another member's id
 * (`shell:local:vera` when forgetting "Vera Smith") — or the records would stop pointing at
 * each other — nor turn a tag or a status into "a former member".
 */
const ID_FIELDS: ReadonlySet<string> = new Set([
  "id",
  "communityId",
  "memberId",
  "seekerId",
  "volunteerId",
  "requestId",
  "introId",
  "chatId",
  "fromId",
  "aboutId",
  "cancelledBy",
  "referredBy",
  "refId",
  "key",
  "to",
  "tried",
  "blocked",
  "leaseOwner",
  "kind",
  "status",
  "why",
  "outcome",
  // Outcome reports and notices about them: a member id, and words from fixed lists.
  "by",
  "said",
  "reader",
  "format",
  "timeZone",
  "tags",
  "sharedTags",
  "role",
  "readerRole",
  "seekerNext",
]);

/**
 * Applies forget-me's rewrite to every string inside a record (Dates and numbers kept), returning
 * a new record: id fields (ID_FIELDS) change only when they are exactly `ids.oldId`; every other
 * string goes through `fix`.
 */
export function deepScrub<T>(value: T, fix: (text: string) => string, ids: { oldId: string; newId: string }): T {
  const walk = (v: unknown, idField: boolean): unknown => {
    if (typeof v === "string") return idField ? (v === ids.oldId ? ids.newId : v) : fix(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, idField));
    if (v instanceof Date || v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, ID_FIELDS.has(k))]));
  };
  return walk(value, false) as T;
}

/** Structural equality good enough for "did scrubbing change this record?". */
export const sameRecord = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

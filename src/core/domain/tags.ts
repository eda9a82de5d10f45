import { z } from "zod";
import { isNear } from "./near.js";

/** The longest a tag may be, in characters of its slug. */
export const TAG_MAX = 40;

/** A normalized tag slug: lowercase words of any script (letters, numbers, their marks) joined by single dashes. */
export const TagSchema = z
  .string()
  .regex(/^[\p{L}\p{N}\p{M}]+(?:[-+#.][\p{L}\p{N}\p{M}+#]*)*$/u)
  .max(TAG_MAX);
export type Tag = z.infer<typeof TagSchema>;

/** Built-in aliases every community starts with; communities add their own. */
export const DEFAULT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  ml: "machine-learning",
  ai: "artificial-intelligence",
  js: "javascript",
  ts: "typescript",
  ux: "ux-design",
  ui: "ui-design",
  pm: "product-management",
  ds: "data-science",
  devops: "devops",
  sre: "site-reliability-engineering",
  qa: "quality-assurance",
  hr: "human-resources",
  vc: "venture-capital",
});

/** Compatibility-decomposed with Latin accents dropped: `Café` → `Cafe`, `ﬁ` → `fi`, `Ⅻ` → `XII`. */
const fold = (s: string): string => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");

/**
 * Turns free text into a slug: `Machine Learning` → `machine-learning`, `C++` → `c++`,
 * `Node.js` → `node.js`, `数据科学` → `数据科学`. Letters and numbers of every script are kept
 * (with their combining marks, so Devanagari or Thai words stay whole); Latin accents are
 * dropped so `café` and `cafe` are one tag. Returns "" when nothing usable is left. Cut to
 * `max` characters (callers that must not cut silently check the length first, see topics.ts).
 * Idempotent: slugify(slugify(x)) === slugify(x).
 */
export function slugify(raw: string, max: number = TAG_MAX): string {
  // Lowercasing can decompose (İ → i + dot) and decomposing can uncover capitals (Ⅻ → XII): fold around it.
  const folded = fold(fold(raw).toLowerCase()).normalize("NFC");
  const kept = folded.replace(/[^\p{L}\p{N}\p{M}+#.]+/gu, "-");
  return kept
    .replace(/\.+(?=-|$)/g, "")
    .replace(/-+/g, "-")
    .replace(/^[-.+#\p{M}]+|[-.]+$/gu, "")
    .slice(0, max)
    .replace(/[-.]+$/g, "");
}

/** The alias target for `slug`, from the table's own entries only: a tag named "constructor" is just a tag. */
const aliasOf = (table: Readonly<Record<string, string>>, slug: string): string | undefined =>
  Object.hasOwn(table, slug) ? table[slug] : undefined;

/** Normalizes one tag and resolves aliases (community aliases win over the defaults). */
export function normalizeTag(raw: string, aliases: Readonly<Record<string, string>> = {}): Tag | "" {
  const slug = slugify(raw);
  if (slug === "") return "";
  const target = aliasOf(aliases, slug) ?? aliasOf(DEFAULT_ALIASES, slug);
  return target === undefined ? slug : slugify(target);
}

/**
 * Splits comma-free text into tags using the community's vocabulary: the longest run of words
 * that names a known tag (or alias) becomes one tag — "data science python" with
 * `data-science` known gives ["data science", "python"]; unknown words stand alone.
 * A run one typo away from a known multi-word tag is kept together too ("ux reserch" with
 * `ux-research` known is one topic, `ux-reserch`, that the reply can correct), rather than read
 * word by word as "ux" (an alias of ux-design) and "reserch"; words each known on their own are
 * never grouped by a near match.
 */
function splitWords(text: string, known: (slug: string) => boolean, nearKnown: (slug: string) => boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let len = 1;
    for (let j = Math.min(words.length, i + 4); j > i + 1; j--) {
      const run = slugify(words.slice(i, j).join(" "), Number.POSITIVE_INFINITY);
      // A near match groups only words not all known on their own: "go rust" stays two known tags.
      const someUnknown = words.slice(i, j).some((w) => !known(slugify(w)));
      if (known(run) || (someUnknown && nearKnown(run))) {
        len = j - i;
        break;
      }
    }
    out.push(words.slice(i, i + len).join(" "));
    i += len;
  }
  return out;
}

/**
 * The pieces of a typed tag list, each one tag as typed: commas separate tags ("machine
 * learning, ux"); without commas, words are grouped by the known `vocabulary` (see splitWords).
 */
export function tagParts(
  input: string | readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  vocabulary: ReadonlySet<string> = new Set(),
): string[] {
  if (typeof input !== "string") return [...input];
  if (input.includes(",")) return input.split(",");
  const known = (slug: string) =>
    vocabulary.has(slug) || aliasOf(aliases, slug) !== undefined || aliasOf(DEFAULT_ALIASES, slug) !== undefined;
  const phrases = [...vocabulary].filter((t) => t.includes("-"));
  const nearKnown = (slug: string) => phrases.some((t) => isNear(slug, t, 2));
  return splitWords(input, known, nearKnown);
}

/**
 * Parses a tag list into unique normalized tags, in input order (pieces as tagParts reads them),
 * so "data science" is one tag where the community already uses it. Pieces with nothing usable
 * are left out: readTopics (topics.ts) is the checked reading that refuses them instead.
 */
export function parseTags(
  input: string | readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  vocabulary: ReadonlySet<string> = new Set(),
): Tag[] {
  const out: Tag[] = [];
  for (const p of tagParts(input, aliases, vocabulary)) {
    const t = normalizeTag(p, aliases);
    if (t !== "" && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Is `slug` an alias (the community's or built-in) rather than a tag of its own? */
export const isAlias = (slug: string, aliases: Readonly<Record<string, string>> = {}): boolean =>
  aliasOf(aliases, slug) !== undefined || aliasOf(DEFAULT_ALIASES, slug) !== undefined;

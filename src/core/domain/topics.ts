import { closest } from "./near.js";
import { DEFAULT_ALIASES, isAlias, normalizeTag, slugify, TAG_MAX, type Tag, tagParts } from "./tags.js";

/** Why a typed topic cannot be used; nothing is saved when one is refused. */
export type TopicProblem =
  /** One topic longer than a tag may be: `length` of its slug, over `max`. */
  | { code: "TOPIC_TOO_LONG"; given: string; length: number; max: number }
  /** Nothing a tag is made of (no letter or number of any script): emoji or punctuation only. */
  | { code: "NOT_A_TOPIC"; given: string };

/** A topic nobody offers that looks like a typo of one the community knows. */
export interface TopicGuess {
  /** The topic as it was read (slugged). */
  given: string;
  /** The known topic it is closest to. */
  suggestion: string;
}

/** The community's words for topics: what its volunteers offer, and its aliases. */
export interface TopicVocabulary {
  /** Tags used in the community (volunteers' and requests'), for grouping words into topics. */
  used: ReadonlySet<string>;
  /** Tags other volunteers offer: a topic outside these (and not an alias) is unknown. */
  offered: ReadonlySet<string>;
  /** The community's own aliases (the built-in ones always apply). */
  aliases: Readonly<Record<string, string>>;
}

export type TopicReading = { ok: true; tags: Tag[]; guesses: TopicGuess[] } | { ok: false; problem: TopicProblem };

const hasLetterOrNumber = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

/**
 * Reads typed topics the way people mean them, never dropping one silently: each piece (see
 * tagParts) becomes a tag, or the whole list is refused naming the piece and why (too long, or
 * no letters or numbers at all). Empty pieces between commas are just spacing. A topic nobody
 * offers and that is no alias comes back with the community's closest known topic as a guess,
 * for "did you mean …?" — the topic is still kept: a new volunteer may bring a new topic.
 */
export function readTopics(input: string | readonly string[], vocab: TopicVocabulary): TopicReading {
  const tags: Tag[] = [];
  const guesses: TopicGuess[] = [];
  // Every alias, built-in or the community's, offers its target under the alias's own name too.
  const known = new Map<string, string>();
  for (const t of vocab.offered) known.set(t, t);
  for (const [from, to] of [...Object.entries(DEFAULT_ALIASES), ...Object.entries(vocab.aliases)]) {
    const target = normalizeTag(to, vocab.aliases);
    if (target !== "" && vocab.offered.has(target)) known.set(slugify(from), target);
  }
  for (const raw of tagParts(input, vocab.aliases, vocab.used)) {
    const given = raw.trim();
    if (given === "") continue;
    const full = slugify(given, Number.POSITIVE_INFINITY);
    if (full === "" || !hasLetterOrNumber(full)) return { ok: false, problem: { code: "NOT_A_TOPIC", given } };
    if (full.length > TAG_MAX) return { ok: false, problem: { code: "TOPIC_TOO_LONG", given, length: full.length, max: TAG_MAX } };
    const tag = normalizeTag(given, vocab.aliases);
    if (tag === "" || tags.includes(tag)) continue;
    tags.push(tag);
    if (vocab.offered.has(tag) || isAlias(full, vocab.aliases)) continue;
    const [near] = closest(tag, known.keys());
    const suggestion = near === undefined ? undefined : known.get(near);
    if (suggestion !== undefined && suggestion !== tag && !guesses.some((g) => g.given === tag)) guesses.push({ given: tag, suggestion });
  }
  return { ok: true, tags, guesses };
}

import { normalizeTag } from "../domain/tags.js";

/**
 * The score's weights, in score points. One point is roughly "one shared tag of middling
 * rarity". Every part is quantized to integer micro-points (see {@link SCALE}) before it is
 * added, so on-demand ranking and batch assignment add exactly the same integers and the
 * batch optimum can be checked exactly against an LP solver.
 *
 * - `base`: every eligible pair starts at 1 point. With the bounds below, an eligible pair
 *   is always worth more than leaving the request unmatched (score ≥ 1 + ln 2 − 1 − 0.5 > 0),
 *   so the batch never strands a request next to a volunteer with room.
 * - tags: the sum over shared tags of the tag's rarity weight, ln(1 + population / count).
 * - `availabilityMax` × min(1, shared free hours in the next 14 days / `availabilityFullHours`).
 *   Three shared hours leave room for the three 30-minute proposals on different days the bot
 *   makes; more overlap adds nothing to the chat, so it must not outweigh a shared tag.
 * - `load` × share of the volunteer's monthly capacity already used (0 … <1 for eligible pairs).
 * - feedback: see {@link feedbackUnits}; at most ±`feedbackMax`.
 */
export const WEIGHTS = Object.freeze({
  base: 1,
  availabilityMax: 1,
  availabilityFullHours: 3,
  load: 1,
  feedbackMax: 0.5,
  feedbackMinRatings: 3,
  feedbackPriorRatings: 5,
  feedbackNeutral: 3.5,
  feedbackSpan: 1.5,
});

/** Micro-points per score point. Scores are integers in these units internally. */
export const SCALE = 1_000_000;

/** Score points → integer micro-points. */
export const toUnits = (points: number): number => Math.round(points * SCALE);

/** The base every eligible pair gets, in units. */
export const BASE_UNITS = toUnits(WEIGHTS.base);

/** The availability part for `hours` shared free hours, in units (capped). */
export function availabilityUnits(hours: number): number {
  if (!(hours > 0)) return 0;
  return toUnits(WEIGHTS.availabilityMax * Math.min(1, hours / WEIGHTS.availabilityFullHours));
}

/** The largest availability part any pair can have, in units. */
export const AVAILABILITY_MAX_UNITS = availabilityUnits(WEIGHTS.availabilityFullHours);

/** Share of monthly capacity used, 0..1 (1 when the capacity is zero). */
export function loadShare(used: number, capacity: number): number {
  if (capacity <= 0) return 1;
  return Math.min(1, Math.max(0, used) / capacity);
}

/**
 * The load cost of the volunteer's `k`-th chat in this round (k ≥ 1), in units: the load
 * penalty they would carry when that chat is offered, `load × (used + k − 1) / capacity`.
 * So k = 1 costs exactly the on-demand penalty, and each further chat costs `load / capacity`
 * more than the one before: the marginal cost grows with k, the total is convex, and a batch
 * spreads chats over volunteers whenever scores are within that step of each other.
 */
export function loadUnits(used: number, capacity: number, k = 1): number {
  return toUnits(WEIGHTS.load * loadShare(used + k - 1, capacity));
}

/**
 * How feedback history moves a pair's score, in units. Seekers rate a volunteer 1–5 after a
 * chat; with fewer than `feedbackMinRatings` ratings nothing changes (one bad evening must not
 * bury anyone). Otherwise the average is compared with a neutral 3.5: the adjustment is
 * `feedbackMax × clamp((avg − 3.5) / 1.5, −1, 1) × n / (n + 5)`, so a 5.0 average raises a
 * pair by up to +0.5 points and a 2.0 average lowers it by up to −0.5, and the effect grows
 * with the number of ratings n (shrunk toward neutral while n is small). It is bounded so it
 * can reorder close candidates but never outweighs a rarer shared tag by itself, and never
 * turns an eligible pair's score negative.
 */
export function feedbackUnits(ratingAvg: number | null, ratingCount: number): number {
  if (ratingAvg === null || !Number.isFinite(ratingAvg) || ratingCount < WEIGHTS.feedbackMinRatings) return 0;
  const lean = Math.max(-1, Math.min(1, (ratingAvg - WEIGHTS.feedbackNeutral) / WEIGHTS.feedbackSpan));
  return toUnits(WEIGHTS.feedbackMax * lean * (ratingCount / (ratingCount + WEIGHTS.feedbackPriorRatings)));
}

/** Rarity weights of tags in one community. */
export interface TagWeights {
  /** Weight of a (canonical) tag; rarer tags weigh more. Always > 0. */
  weight(tag: string): number;
  /**
   * The canonical form of a tag (normalized, aliases resolved). Optional so a hand-made
   * weights object still works; without it tags are compared as given.
   */
  canonical?(tag: string): string;
}

/**
 * Idf-style rarity weights from community-wide tag counts: `ln(1 + population / count)`.
 * Keys are normalized (and `aliases` resolved) first, so `ML` and `machine-learning` count
 * together. Unknown tags get the rarest possible weight, `ln(1 + population)` (count 1).
 * Every weight is ≥ ln 2, because counts are clamped to the population.
 */
export function tagWeights(
  tagCounts: ReadonlyMap<string, number>,
  population: number,
  aliases: Readonly<Record<string, string>> = {},
): TagWeights {
  const memo = new Map<string, string>();
  const canonical = (tag: string): string => {
    let c = memo.get(tag);
    if (c === undefined) {
      const n = normalizeTag(tag, aliases);
      c = n === "" ? tag : n;
      memo.set(tag, c);
    }
    return c;
  };
  const counts = new Map<string, number>();
  for (const [tag, n] of tagCounts) {
    if (!(n > 0)) continue;
    const c = canonical(tag);
    counts.set(c, (counts.get(c) ?? 0) + n);
  }
  const pop = Math.max(1, Number.isFinite(population) ? population : 1);
  const weight = (tag: string): number => {
    const n = counts.get(canonical(tag)) ?? 1;
    return Math.log(1 + pop / Math.min(pop, Math.max(1, n)));
  };
  return { weight, canonical };
}

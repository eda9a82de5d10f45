import type { MatchReasons } from "../domain/chat.js";
import { sharedFreeHours } from "../time/index.js";
import { BASE_UNITS, SCALE, availabilityUnits, feedbackUnits, loadShare, loadUnits, type TagWeights } from "./weights.js";

export { type TagWeights, tagWeights } from "./weights.js";

/** A volunteer as matching sees them. */
export interface Candidate {
  volunteerId: string;
  /** Expertise tags (canonicalized through the weights when they offer `canonical`). */
  tags: readonly string[];
  capacityPerMonth: number;
  /** Chats accepted or pending this month; counts against the capacity. */
  usedThisMonth: number;
  /** Free cells of the next 14 days, from `freeMask` on the same grid as the askers'. */
  freeMask: Uint32Array;
  /** Average 1–5 rating from seekers, or null with none. */
  ratingAvg: number | null;
  ratingCount: number;
}

/** A seeker asking for a chat. */
export interface Asker {
  seekerId: string;
  tags: readonly string[];
  freeMask: Uint32Array;
  /** Volunteer ids excluded for this seeker: self, blocked either way, paused/opted out, met within repeat window, already tried for this request. */
  excluded: ReadonlySet<string>;
}

/** Why a pair cannot be matched, checked in this order. */
export type Exclusion = "self" | "excluded" | "at_capacity" | "no_shared_tags" | "no_shared_time";

/** A pair's score with its reasons, or why the pair is not allowed. */
export type PairScore = { ok: true; reasons: MatchReasons } | { ok: false; why: Exclusion };

/** Remaining chats a volunteer can take this month. */
export function remainingCapacity(c: Candidate): number {
  return Math.max(0, Math.floor(c.capacityPerMonth) - Math.max(0, Math.floor(c.usedThisMonth)));
}

/** Canonical, de-duplicated tags. */
export function canonicalTags(tags: readonly string[], w: TagWeights): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const c = w.canonical ? w.canonical(t) : t;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** Integer weight of a tag in units; the same rounding the batch uses. */
export function tagUnits(tag: string, w: TagWeights): number {
  return Math.round(w.weight(tag) * SCALE);
}

/**
 * Shared canonical tags, rarest first (ties by name), with their summed weight in units.
 */
export function sharedTags(a: readonly string[], b: readonly string[], w: TagWeights): { tags: string[]; units: number } {
  const mine = new Set(canonicalTags(a, w));
  const shared = canonicalTags(b, w).filter((t) => mine.has(t));
  const weighted = shared.map((t) => ({ t, u: tagUnits(t, w) }));
  weighted.sort((x, y) => y.u - x.u || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0));
  return { tags: weighted.map((x) => x.t), units: weighted.reduce((s, x) => s + x.u, 0) };
}

/**
 * The value of a pair before any load cost, in units: base + tags + availability + feedback.
 * The batch adds the load cost of each volunteer's k-th chat separately (see `loadUnits`).
 */
export function pairValueUnits(tagUnitsSum: number, hours: number, c: Pick<Candidate, "ratingAvg" | "ratingCount">): number {
  return BASE_UNITS + tagUnitsSum + availabilityUnits(hours) + feedbackUnits(c.ratingAvg, c.ratingCount);
}

/**
 * Scores one (seeker, volunteer) pair: the one scoring function behind on-demand ranking and
 * batch assignment. A pair needs at least one shared tag and some shared free time, and must
 * not be excluded (self, the asker's exclusion set, a volunteer at capacity).
 *
 * score = 1 (base) + Σ rarity weight of shared tags + min(1, shared hours / 3)
 *         − used/capacity + feedback (±0.5 at most, see `feedbackUnits`),
 * each part rounded to micro-points, so equal inputs give bit-identical scores everywhere.
 */
export function scorePair(asker: Asker, c: Candidate, w: TagWeights): PairScore {
  if (asker.seekerId === c.volunteerId) return { ok: false, why: "self" };
  if (asker.excluded.has(c.volunteerId)) return { ok: false, why: "excluded" };
  if (remainingCapacity(c) <= 0) return { ok: false, why: "at_capacity" };
  const shared = sharedTags(asker.tags, c.tags, w);
  if (shared.tags.length === 0) return { ok: false, why: "no_shared_tags" };
  const hours = sharedFreeHours(asker.freeMask, c.freeMask);
  if (!(hours > 0)) return { ok: false, why: "no_shared_time" };
  const units = pairValueUnits(shared.units, hours, c) - loadUnits(c.usedThisMonth, c.capacityPerMonth, 1);
  return {
    ok: true,
    reasons: {
      sharedTags: shared.tags,
      sharedFreeHours: hours,
      load: loadShare(c.usedThisMonth, c.capacityPerMonth),
      score: units / SCALE,
    },
  };
}

/** One ranked suggestion. */
export interface RankedCandidate {
  volunteerId: string;
  reasons: MatchReasons;
}

/**
 * Ranks volunteers for one seeker (on-demand mode): the best `limit` by score, ties broken by
 * volunteer id, plus every excluded volunteer with the reason, sorted by id. Volunteers that
 * qualify but fall below the limit appear in neither list.
 */
export function rankCandidates(
  asker: Asker,
  candidates: readonly Candidate[],
  w: TagWeights,
  limit: number,
): { ranked: RankedCandidate[]; excluded: { volunteerId: string; why: Exclusion }[] } {
  const ranked: RankedCandidate[] = [];
  const excluded: { volunteerId: string; why: Exclusion }[] = [];
  for (const c of candidates) {
    const s = scorePair(asker, c, w);
    if (s.ok) ranked.push({ volunteerId: c.volunteerId, reasons: s.reasons });
    else excluded.push({ volunteerId: c.volunteerId, why: s.why });
  }
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  ranked.sort((a, b) => b.reasons.score - a.reasons.score || byId(a.volunteerId, b.volunteerId));
  excluded.sort((a, b) => byId(a.volunteerId, b.volunteerId));
  return { ranked: ranked.slice(0, Math.max(0, Math.floor(limit))), excluded };
}

import type { AssignResult } from "./assign.js";
import { explainPair } from "./explain.js";
import type { BatchAsker } from "./problem.js";
import { canonicalTags, sharedTags, type Candidate } from "./score.js";
import type { TagWeights } from "./weights.js";

/** A volunteer who is on a break: not in the matching pool, but they may fit when back. */
export interface PausedVolunteer {
  volunteerId: string;
  tags: readonly string[];
  /** When the break ends; null for a pause with no end date (they come back when they resume). */
  until: Date | null;
}

/** What stands between one request and an intro, found from the matching engine's own verdicts. */
export type Diagnosis =
  | { code: "FITS" }
  | { code: "NO_TOPIC"; topics: string[] }
  | { code: "NO_SHARED_TIME"; volunteerIds: string[] }
  | { code: "NO_CAPACITY"; atCapacity: boolean; pausedUntil: (Date | null)[] }
  | { code: "ALL_ASKED" };

/**
 * Why `asker` got nobody, reusing `explainPair` (the batch's explanation; on demand pass a
 * result with no pairs). Volunteers who share a topic are sorted by the engine's verdict:
 * any eligible one means it fits; otherwise free time is reported first (the seeker can act
 * on it now), then capacity and breaks (time fixes it), then "everyone was asked". With no
 * volunteer on any of the topics, the topics that do have volunteers come back, rarest
 * weighting aside, in name order.
 */
export function diagnose(
  asker: BatchAsker,
  candidates: readonly Candidate[],
  paused: readonly PausedVolunteer[],
  w: TagWeights,
  result: Pick<AssignResult, "pairs"> = { pairs: [] },
): Diagnosis {
  const topical = (tags: readonly string[]): boolean => sharedTags(asker.tags, tags, w).tags.length > 0;
  const noTime: string[] = [];
  let atCapacity = false;
  let asked = false;
  for (const c of candidates) {
    if (c.volunteerId === asker.seekerId || !topical(c.tags)) continue;
    const e = explainPair(result, asker, c, w);
    if (e.kind === "paired") return { code: "FITS" };
    if (e.kind === "outscored") {
      // Eligible, but this round's room went to other requests: room frees up like capacity does.
      if (result.pairs.length === 0) return { code: "FITS" };
      atCapacity = true;
    } else if (e.why === "no_shared_time") noTime.push(c.volunteerId);
    else if (e.why === "at_capacity") atCapacity = true;
    else asked = true;
  }
  const pausedUntil = paused.filter((p) => p.volunteerId !== asker.seekerId && topical(p.tags)).map((p) => p.until);
  if (noTime.length > 0) return { code: "NO_SHARED_TIME", volunteerIds: noTime };
  if (atCapacity || pausedUntil.length > 0) return { code: "NO_CAPACITY", atCapacity, pausedUntil };
  if (asked) return { code: "ALL_ASKED" };
  const topics = new Set<string>();
  for (const c of candidates) if (c.volunteerId !== asker.seekerId) for (const t of canonicalTags(c.tags, w)) topics.add(t);
  for (const p of paused) if (p.volunteerId !== asker.seekerId) for (const t of canonicalTags(p.tags, w)) topics.add(t);
  return { code: "NO_TOPIC", topics: [...topics].sort() };
}

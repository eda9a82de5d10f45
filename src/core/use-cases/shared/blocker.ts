import type { ChatRequest, MatchBlocker, Member } from "../../domain/index.js";
import type { AssignResult } from "../../matching/assign.js";
import { diagnose } from "../../matching/blockers.js";
import type { Asker } from "../../matching/score.js";
import { availabilityText, clip, hoursInZone, mergeWindows, windowsOf, withDefaultWindows } from "../../time/index.js";
import { ref } from "./people.js";
import { monthStart, seekerFreeTime, type Pool } from "./pool.js";

/** Volunteers whose hours a "no shared time" answer shows at most. */
const SHOWN = 3;

/** The first instant of the next UTC month: when monthly capacity comes back. */
export const nextMonthStart = (now: Date): Date => {
  const m = monthStart(now);
  return new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
};

/**
 * An availability the seeker could type to share time with these volunteers: what they have
 * now plus the volunteers' hours in the seeker's zone — only the part inside the seeker's
 * waking hours when there is one, so widening never suggests the middle of the night first.
 */
function widen(pool: Pool, seeker: Member, volunteers: readonly Member[]): string {
  const s = pool.community.settings;
  const theirs = volunteers.flatMap((v) =>
    windowsOf(hoursInZone(withDefaultWindows(v.availability), v.timeZone, seeker.timeZone, pool.now)),
  );
  const awake = theirs.flatMap((w) => {
    const c = clip(w, s.seekerDayStart, s.seekerDayEnd);
    return c ? [c] : [];
  });
  const mine = seekerFreeTime(seeker, pool.community).windows;
  return availabilityText(mergeWindows([...mine, ...(awake.length > 0 ? awake : theirs)]));
}

/**
 * Why nobody can be introduced for `request` right now, in the seeker's terms — or null when
 * someone fits. `asker` is the request as matching saw it; `result` the batch it was left out
 * of (omit on demand).
 */
export function blockerFor(pool: Pool, request: ChatRequest, asker: Asker, result?: Pick<AssignResult, "pairs">): MatchBlocker | null {
  const d = diagnose({ ...asker, requestId: request.id }, pool.candidates, pool.paused, pool.weights, result);
  const tags = request.tags;
  switch (d.code) {
    case "FITS":
      return null;
    case "NO_TOPIC":
      // An on-demand pool holds only the request's own candidates; the community's topics come with it.
      return { code: "NO_TOPIC", tags, topics: pool.offeredTopics ?? d.topics };
    case "ALL_ASKED":
      return { code: "ALL_ASKED", tags };
    case "NO_CAPACITY": {
      const dated = d.pausedUntil.filter((x): x is Date => x !== null).sort((a, b) => a.getTime() - b.getTime());
      return {
        code: "NO_CAPACITY",
        tags,
        capacityFrees: d.atCapacity ? nextMonthStart(pool.now) : null,
        pauseEnds: dated[0] ?? null,
        pausedOpenEnded: d.pausedUntil.some((x) => x === null),
      };
    }
    case "NO_SHARED_TIME": {
      const seeker = pool.members.get(request.seekerId);
      const vs = d.volunteerIds.flatMap((id) => {
        const m = pool.members.get(id);
        return m ? [m] : [];
      });
      const shown = vs.slice(0, SHOWN);
      if (!seeker) return { code: "NO_SHARED_TIME", tags, volunteers: [], widen: "" };
      return {
        code: "NO_SHARED_TIME",
        tags,
        volunteers: shown.map((v) => ({
          volunteer: ref(v),
          hours: hoursInZone(withDefaultWindows(v.availability), v.timeZone, seeker.timeZone, pool.now),
        })),
        widen: widen(pool, seeker, shown),
      };
    }
  }
}

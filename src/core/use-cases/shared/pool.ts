import {
  type ChatRequest,
  type Community,
  type Member,
  type Slot,
  type VolunteerProfile,
  isAvailableForMatching,
} from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { type Asker, type Candidate, type TagWeights, tagWeights } from "../../matching/score.js";
import type { PausedVolunteer } from "../../matching/blockers.js";
import { andNot, busyMask, freeMask, makeGrid, seekerAvailability, withDefaultWindows, type Grid } from "../../time/index.js";

const WEEK_MS = 7 * 24 * 3600_000;

/** Everything matching needs about a community at one instant, loaded once per use case. */
export interface Pool {
  community: Community;
  now: Date;
  grid: Grid;
  weights: TagWeights;
  members: Map<string, Member>;
  volunteers: Map<string, VolunteerProfile>;
  candidates: Candidate[];
  /** Busy slots (scheduled chats) per member. */
  busy: Map<string, Slot[]>;
  /** Pairs "a|b" (sorted) who met or are meeting inside the repeat window. */
  recentPairs: Set<string>;
  /** Volunteers on a break (not candidates now), with when it ends: they may fit when back. */
  paused: PausedVolunteer[];
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Start of the current UTC calendar month: capacity is "chats per month". */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/**
 * Loads the matching pool: volunteers who can take chats now, their free time (minus booked
 * chats) on one grid, their load this month, ratings, and the pairs the repeat window forbids.
 */
export async function loadPool(tx: StoreTx, community: Community, now: Date): Promise<Pool> {
  const s = community.settings;
  const members = new Map((await tx.listMembers(community.id)).map((m) => [m.id, m]));
  const profiles = await tx.listVolunteers(community.id);
  const chats = await tx.listChats(community.id, {});
  const pendingIntros = await tx.listIntros(community.id, { status: ["pending"] });
  const feedback = await tx.listFeedback(community.id);
  const grid = makeGrid(now, s.horizonDays);
  const windowStart = now.getTime() - s.repeatWindowWeeks * WEEK_MS;
  const month = monthStart(now).getTime();

  const busy = new Map<string, Slot[]>();
  const used = new Map<string, number>();
  const recentPairs = new Set<string>();
  for (const c of chats) {
    if (c.status === "cancelled") continue;
    if (c.slot && c.status === "scheduled") {
      for (const id of [c.seekerId, c.volunteerId]) busy.set(id, [...(busy.get(id) ?? []), c.slot]);
    }
    const when = (c.slot?.start ?? c.createdAt).getTime();
    if (c.createdAt.getTime() >= month) used.set(c.volunteerId, (used.get(c.volunteerId) ?? 0) + 1);
    if (when >= windowStart) recentPairs.add(pairKey(c.seekerId, c.volunteerId));
  }
  for (const i of pendingIntros) used.set(i.volunteerId, (used.get(i.volunteerId) ?? 0) + 1);

  const ratings = new Map<string, number[]>();
  for (const f of feedback) ratings.set(f.aboutId, [...(ratings.get(f.aboutId) ?? []), f.rating]);

  const counts = new Map<string, number>();
  let population = 0;
  const seekers = await tx.listSeekers(community.id);
  for (const tags of [...profiles.map((p) => p.expertise), ...seekers.map((p) => p.interests)]) {
    if (tags.length === 0) continue;
    population++;
    for (const t of new Set(tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }

  const volunteers = new Map<string, VolunteerProfile>();
  const candidates: Candidate[] = [];
  const paused: PausedVolunteer[] = [];
  for (const p of profiles) {
    const m = members.get(p.memberId);
    if (m && p.active && !m.forgotten && m.status === "paused" && !isAvailableForMatching(m, now))
      paused.push({ volunteerId: m.id, tags: p.expertise, until: m.pausedUntil });
    if (!m || !p.active || !isAvailableForMatching(m, now)) continue;
    volunteers.set(p.memberId, p);
    const free = andNot(freeMask(withDefaultWindows(m.availability), m.timeZone, grid), busyMask(busy.get(m.id) ?? [], grid));
    const r = ratings.get(p.memberId) ?? [];
    candidates.push({
      volunteerId: p.memberId,
      tags: p.expertise,
      capacityPerMonth: p.capacityPerMonth,
      usedThisMonth: used.get(p.memberId) ?? 0,
      freeMask: free,
      ratingAvg: r.length ? r.reduce((a, b) => a + b, 0) / r.length : null,
      ratingCount: r.length,
    });
  }
  return {
    community,
    now,
    grid,
    weights: tagWeights(counts, Math.max(population, 1), community.settings.tagAliases),
    members,
    volunteers,
    candidates,
    busy,
    recentPairs,
    paused,
  };
}

/** A seeker's free time: what they stated, else their waking hours (community setting); never volunteers'. */
export const seekerFreeTime = (seeker: Member, community: Community) =>
  withDefaultWindows(seekerAvailability(seeker.availability, community.settings.seekerDayStart, community.settings.seekerDayEnd));

/**
 * The seeker's side of a match for one request, with every volunteer this request may never
 * be offered to: themselves, anyone blocked either way, anyone already tried, anyone they met
 * inside the repeat window, anyone already holding a pending intro from them, and the
 * member who referred them (a referral is to someone else, never back to the referrer).
 */
export function askerFor(pool: Pool, request: ChatRequest, pendingWith: ReadonlySet<string> = new Set()): Asker {
  const seeker = pool.members.get(request.seekerId);
  const excluded = new Set<string>([request.seekerId, ...request.tried, ...pendingWith]);
  if (request.referredBy !== null) excluded.add(request.referredBy);
  for (const c of pool.candidates) {
    const v = pool.members.get(c.volunteerId);
    if (seeker?.blocked.includes(c.volunteerId) || v?.blocked.includes(request.seekerId)) excluded.add(c.volunteerId);
    if (pool.recentPairs.has(pairKey(request.seekerId, c.volunteerId))) excluded.add(c.volunteerId);
  }
  const free = seeker
    ? andNot(
        freeMask(seekerFreeTime(seeker, pool.community), seeker.timeZone, pool.grid),
        busyMask(pool.busy.get(seeker.id) ?? [], pool.grid),
      )
    : new Uint32Array(Math.ceil(pool.grid.cells / 32));
  return { seekerId: request.seekerId, tags: request.tags, freeMask: free, excluded };
}

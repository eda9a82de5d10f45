import {
  type Chat,
  type ChatRequest,
  type Community,
  type Feedback,
  type Intro,
  type Member,
  type Slot,
  type VolunteerProfile,
  isAvailableForMatching,
} from "../../domain/index.js";
import type { StoreTx, TagCounts } from "../../ports/index.js";
import { type Asker, type Candidate, canonicalTags, type TagWeights, tagWeights } from "../../matching/score.js";
import { tagSpellings } from "./tag-lookup.js";
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
  /** Per member, whom they met or are meeting inside the repeat window (both directions). */
  recentWith: Map<string, Set<string>>;
  /** Per member, the candidates who blocked them. */
  blockedBy: Map<string, string[]>;
  /** Volunteers on a break (not candidates now), with when it ends: they may fit when back. */
  paused: PausedVolunteer[];
  /**
   * Set when the pool holds only one request's candidates and none of them shares a topic:
   * the canonical topics the rest of the community offers (its own, the seeker's, left out).
   */
  offeredTopics?: string[];
}

/** Start of the current UTC calendar month: capacity is "chats per month". */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** One request as the on-demand pool needs it: whose it is and what it is about. */
export interface PoolTarget {
  seekerId: string;
  tags: readonly string[];
  /** Volunteers to consider whatever their topics (a named choice); their scores still need a shared tag. */
  volunteerIds?: readonly string[];
  /** Further members to load (to describe saved suggestions). */
  memberIds?: readonly string[];
}

/** What the pool is built from, read either for one request (candidates) or for the batch (everyone). */
interface PoolRecords {
  members: Map<string, Member>;
  profiles: readonly VolunteerProfile[];
  /** Enough chats for every busy slot, this month's load and the repeat window of the pairs asked about. */
  chats: readonly Chat[];
  pendingIntros: readonly Intro[];
  feedback: readonly Feedback[];
  counts: TagCounts;
}

/**
 * Loads the matching pool for one request: only the volunteers sharing a (canonical) tag with
 * it, found through the store's tag index, with their members, busy slots, load this month,
 * pending intros and ratings, plus the seeker's own chats (repeat window) and blocks, each read
 * as one query over an id list. Tag weights come from the community's kept counts for just
 * these tags. Ranking, exclusions and blockers come out as from the whole community, except
 * that volunteers sharing no tag are not in the pool at all.
 */
export async function loadPool(tx: StoreTx, community: Community, now: Date, target: PoolTarget): Promise<Pool> {
  const s = community.settings;
  const { canonical, stored } = tagSpellings(target.tags, s.tagAliases);
  const found = await tx.listVolunteersWithTags(community.id, stored);
  const named = (target.volunteerIds ?? []).filter((id) => !found.some((p) => p.memberId === id));
  const extra = await Promise.all(named.map((id) => tx.getVolunteer(community.id, id)));
  const profiles = [...found, ...extra.flatMap((p) => (p?.active ? [p] : []))];
  const ids = profiles.map((p) => p.memberId);
  const month = monthStart(now);
  const [members, seekerChats, scheduled, thisMonth, pendingIntros, feedback, counts] = [
    await tx.getMembers(community.id, [target.seekerId, ...ids, ...(target.memberIds ?? [])]),
    await tx.listChats(community.id, { memberId: target.seekerId }),
    await tx.listChats(community.id, { memberIds: ids, status: ["scheduled"] }),
    await tx.listChats(community.id, { memberIds: ids, createdSince: month }),
    await tx.listIntros(community.id, { volunteerIds: ids, status: ["pending"] }),
    await tx.listFeedback(community.id, { aboutIds: ids }),
    await tx.tagCounts(community.id, stored),
  ];
  const chats = new Map<string, Chat>();
  for (const c of [...seekerChats, ...scheduled, ...thisMonth]) chats.set(c.id, c);
  const pool = buildPool(community, now, {
    members: new Map(members.map((m) => [m.id, m])),
    profiles,
    chats: [...chats.values()],
    pendingIntros,
    feedback,
    counts,
  });
  const topical = (tags: readonly string[]): boolean => tags.some((t) => canonical.has(pool.weights.canonical?.(t) ?? t));
  const others = [...pool.candidates, ...pool.paused].filter((c) => c.volunteerId !== target.seekerId);
  if (!others.some((c) => topical(c.tags))) {
    const offered = await tx.listOfferedTags(community.id, target.seekerId);
    pool.offeredTopics = [...new Set(canonicalTags(offered, pool.weights))].sort();
  }
  return pool;
}

/**
 * Loads the whole community's pool, for the batch and for views over many requests: every
 * volunteer, chat, pending intro and rating, read in a handful of queries however long the
 * queue is, with tag weights from the community's kept counts.
 */
export async function loadBatchPool(tx: StoreTx, community: Community, now: Date): Promise<Pool> {
  const [members, profiles, chats, pendingIntros, feedback, counts] = [
    await tx.listMembers(community.id),
    await tx.listVolunteers(community.id),
    await tx.listChats(community.id, {}),
    await tx.listIntros(community.id, { status: ["pending"] }),
    await tx.listFeedback(community.id),
    await tx.tagCounts(community.id),
  ];
  return buildPool(community, now, {
    members: new Map(members.map((m) => [m.id, m])),
    profiles: profiles.filter((p) => p.active),
    chats,
    pendingIntros,
    feedback,
    counts,
  });
}

/**
 * The pool from its records: volunteers who can take chats now, their free time (minus booked
 * chats) on one grid, their load this month, ratings, and the pairs the repeat window forbids.
 */
function buildPool(community: Community, now: Date, r: PoolRecords): Pool {
  const s = community.settings;
  const { members } = r;
  const grid = makeGrid(now, s.horizonDays);
  const windowStart = now.getTime() - s.repeatWindowWeeks * WEEK_MS;
  const month = monthStart(now).getTime();

  const busy = new Map<string, Slot[]>();
  const used = new Map<string, number>();
  const recentWith = new Map<string, Set<string>>();
  const meet = (a: string, b: string) => {
    const set = recentWith.get(a);
    if (set) set.add(b);
    else recentWith.set(a, new Set([b]));
  };
  for (const c of r.chats) {
    if (c.status === "cancelled") continue;
    if (c.slot && c.status === "scheduled") {
      for (const id of [c.seekerId, c.volunteerId]) busy.set(id, [...(busy.get(id) ?? []), c.slot]);
    }
    const when = (c.slot?.start ?? c.createdAt).getTime();
    if (c.createdAt.getTime() >= month) used.set(c.volunteerId, (used.get(c.volunteerId) ?? 0) + 1);
    if (when >= windowStart) {
      meet(c.seekerId, c.volunteerId);
      meet(c.volunteerId, c.seekerId);
    }
  }
  for (const i of r.pendingIntros) used.set(i.volunteerId, (used.get(i.volunteerId) ?? 0) + 1);

  const ratings = new Map<string, number[]>();
  for (const f of r.feedback) ratings.set(f.aboutId, [...(ratings.get(f.aboutId) ?? []), f.rating]);

  const counts = new Map<string, number>();
  for (const [tag, use] of r.counts.tags) if (use.volunteers + use.seekers > 0) counts.set(tag, use.volunteers + use.seekers);

  const volunteers = new Map<string, VolunteerProfile>();
  const candidates: Candidate[] = [];
  const blockedBy = new Map<string, string[]>();
  const paused: PausedVolunteer[] = [];
  for (const p of r.profiles) {
    const m = members.get(p.memberId);
    if (m && p.active && !m.forgotten && m.status === "paused" && !isAvailableForMatching(m, now))
      paused.push({ volunteerId: m.id, tags: p.expertise, until: m.pausedUntil });
    if (!m || !p.active || !isAvailableForMatching(m, now)) continue;
    volunteers.set(p.memberId, p);
    for (const id of m.blocked) blockedBy.set(id, [...(blockedBy.get(id) ?? []), m.id]);
    const free = andNot(freeMask(withDefaultWindows(m.availability), m.timeZone, grid), busyMask(busy.get(m.id) ?? [], grid));
    const rs = ratings.get(p.memberId) ?? [];
    candidates.push({
      volunteerId: p.memberId,
      tags: p.expertise,
      capacityPerMonth: p.capacityPerMonth,
      usedThisMonth: used.get(p.memberId) ?? 0,
      freeMask: free,
      ratingAvg: rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : null,
      ratingCount: rs.length,
    });
  }
  return {
    community,
    now,
    grid,
    weights: tagWeights(counts, Math.max(r.counts.profiles, 1), s.tagAliases),
    members,
    volunteers,
    candidates,
    busy,
    recentWith,
    blockedBy,
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
  // Blocks either way and recent partners, looked up per seeker (not a scan of every candidate).
  for (const id of seeker?.blocked ?? []) if (pool.volunteers.has(id)) excluded.add(id);
  for (const id of pool.blockedBy.get(request.seekerId) ?? []) excluded.add(id);
  for (const id of pool.recentWith.get(request.seekerId) ?? []) if (pool.volunteers.has(id)) excluded.add(id);
  const free = seeker
    ? andNot(
        freeMask(seekerFreeTime(seeker, pool.community), seeker.timeZone, pool.grid),
        busyMask(pool.busy.get(seeker.id) ?? [], pool.grid),
      )
    : new Uint32Array(Math.ceil(pool.grid.cells / 32));
  return { seekerId: request.seekerId, tags: request.tags, freeMask: free, excluded };
}

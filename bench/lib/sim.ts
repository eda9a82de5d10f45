/**
 * A self-contained 12-week simulation of one community, driving the matching functions
 * directly (no store): requests arrive through each week, a batch runs daily at 12:00 UTC,
 * volunteers accept, decline or ignore each intro with fixed probabilities, ignored intros
 * expire after 72 h and the request moves on to its next candidate (up to 3 tries, then it is
 * waitlisted). Pairs who met are excluded for the 12-week repeat window. The same members,
 * arrivals and response dice (drawn per request × volunteer) are used for every policy, so the
 * policies are compared on identical worlds.
 */
import type { WeeklyWindow } from "../../src/core/domain/member.js";
import { seededRandom, tagWeights, type BatchAsker, type Candidate, type TagWeights } from "../../src/core/matching/index.js";
import { makeGrid } from "../../src/core/time/index.js";
import { MaskCache, PersonFactory } from "./synth.js";

const HOUR = 3_600_000;
const WEEK = 168 * HOUR;

/** A batch policy: the same signature for optimal, greedy and random. */
export type Policy = (
  askers: readonly BatchAsker[],
  candidates: readonly Candidate[],
  w: TagWeights,
  seed: number,
) => { pairs: { requestId: string; volunteerId: string; reasons: { score: number } }[] };

/** Parameters of the world. */
export interface SimConfig {
  seed: number;
  members: number;
  volunteerShare: number;
  requestsPerWeek: number;
  weeks: number;
  accept: number;
  decline: number; // ignore = 1 − accept − decline
  responseWindowHours: number;
  repeatWindowWeeks: number;
  maxTries: number;
  start: Date;
}

export const DEFAULT_SIM: SimConfig = {
  seed: 1,
  members: 500,
  volunteerShare: 0.24,
  requestsPerWeek: 60,
  weeks: 12,
  accept: 0.6,
  decline: 0.25,
  responseWindowHours: 72,
  repeatWindowWeeks: 12,
  maxTries: 3,
  start: new Date("2025-03-03T00:00:00Z"),
};

interface Member {
  id: string;
  zone: string;
  windows: WeeklyWindow[];
  tags: string[];
  volunteer: boolean;
  capacity: number;
  quality: number;
  pausedFrom: number;
  pausedTo: number;
  blocks: Set<string>;
}

interface Req {
  id: string;
  seekerId: string;
  tags: string[];
  createdAt: number;
  tried: string[];
  state: "open" | "offered" | "matched" | "waitlisted";
  matchedAt: number | null;
}

interface Intro {
  req: Req;
  volunteerId: string;
  offeredAt: number;
  outcome: "accept" | "decline" | "ignore";
  dueAt: number;
  score: number;
}

/** What one policy achieved. */
export interface SimResult {
  policy: string;
  requests: number;
  matchedWithin72h: number;
  /** Of requests created at least 72 h before the end. */
  shareWithin72h: number;
  matched: number;
  medianHoursToMatch: number;
  repeatPairs: number;
  introsToRecentPairs: number;
  loadGini: number;
  utilizationGini: number;
  leftWaiting: number;
  waitlisted: number;
  intros: number;
  declined: number;
  expired: number;
  meanAcceptedScore: number;
  capacityViolations: number;
}

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join("|")) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

function makeMembers(cfg: SimConfig): Member[] {
  const f = new PersonFactory(cfg.seed, 60);
  const start = cfg.start.getTime();
  const members: Member[] = [];
  for (let i = 0; i < cfg.members; i++) {
    const p = f.person();
    const volunteer = f.rand() < cfg.volunteerShare;
    const paused = volunteer && f.rand() < 0.15;
    const from = start + f.int(0, cfg.weeks - 2) * WEEK + f.int(0, 6) * 24 * HOUR;
    members.push({
      id: `m-${String(i).padStart(4, "0")}`,
      zone: p.zone,
      windows: p.windows,
      tags: p.tags,
      volunteer,
      capacity: volunteer ? f.int(1, 4) : 0,
      quality: volunteer ? 3 + 2 * f.rand() : 0,
      pausedFrom: paused ? from : 0,
      pausedTo: paused ? from + f.int(7, 14) * 24 * HOUR : 0,
      blocks: new Set(),
    });
  }
  for (const m of members) {
    if (f.rand() < 0.02) {
      const other = members[f.int(0, members.length - 1)] as Member;
      if (other.id !== m.id) m.blocks.add(other.id);
    }
  }
  return members;
}

function makeArrivals(cfg: SimConfig, members: readonly Member[]): { at: number; seeker: Member; tags: string[] }[] {
  const rand = seededRandom(hash(cfg.seed, "arrivals"));
  const out: { at: number; seeker: Member; tags: string[] }[] = [];
  const start = cfg.start.getTime();
  for (let wk = 0; wk < cfg.weeks; wk++) {
    for (let i = 0; i < cfg.requestsPerWeek; i++) {
      const seeker = members[Math.floor(rand() * members.length)] as Member;
      const at = start + wk * WEEK + Math.floor(rand() * 168) * HOUR;
      const k = 1 + Math.floor(rand() * Math.min(3, seeker.tags.length));
      out.push({ at, seeker, tags: seeker.tags.slice(0, k) });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Runs the world under one policy. */
export function simulate(cfg: SimConfig, policyName: string, policy: Policy, masks: Map<number, MaskCache>): SimResult {
  const members = makeMembers(cfg);
  const byId = new Map(members.map((m) => [m.id, m]));
  const arrivals = makeArrivals(cfg, members);
  const counts = new Map<string, number>();
  for (const m of members) for (const t of m.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const w = tagWeights(counts, members.length);
  const start = cfg.start.getTime();
  const end = start + cfg.weeks * WEEK;
  const window = cfg.repeatWindowWeeks * WEEK;
  const requests: Req[] = [];
  const pending: Intro[] = [];
  const met: { seeker: string; volunteer: string; at: number }[] = [];
  const acceptedAt = new Map<string, number[]>(); // volunteer → accept times
  let nextArrival = 0;
  let intros = 0;
  let declined = 0;
  let expired = 0;
  let introsToRecentPairs = 0;
  let capacityViolations = 0;
  const acceptedScores: number[] = [];
  const monthOf = (t: number): number => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
  const usedThisMonth = (v: string, now: number): number =>
    (acceptedAt.get(v) ?? []).filter((t) => monthOf(t) === monthOf(now)).length + pending.filter((p) => p.volunteerId === v).length;
  const metRecently = (a: string, b: string, now: number): boolean =>
    met.some((m) => m.seeker === a && m.volunteer === b && now - m.at < window);

  for (let now = start; now < end; now += HOUR) {
    while (nextArrival < arrivals.length && (arrivals[nextArrival]?.at ?? Infinity) <= now) {
      const a = arrivals[nextArrival++] as { at: number; seeker: Member; tags: string[] };
      if (requests.some((r) => r.seekerId === a.seeker.id && (r.state === "open" || r.state === "offered"))) continue; // one open request each
      requests.push({
        id: `req-${String(requests.length).padStart(5, "0")}`,
        seekerId: a.seeker.id,
        tags: a.tags,
        createdAt: now,
        tried: [],
        state: "open",
        matchedAt: null,
      });
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const intro = pending[i] as Intro;
      if (intro.dueAt > now) continue;
      pending.splice(i, 1);
      const req = intro.req;
      if (intro.outcome === "accept") {
        if (metRecently(req.seekerId, intro.volunteerId, now)) introsToRecentPairs++;
        met.push({ seeker: req.seekerId, volunteer: intro.volunteerId, at: now });
        acceptedAt.set(intro.volunteerId, [...(acceptedAt.get(intro.volunteerId) ?? []), now]);
        acceptedScores.push(intro.score);
        req.state = "matched";
        req.matchedAt = now;
      } else {
        if (intro.outcome === "decline") declined++;
        else expired++;
        req.state = req.tried.length >= cfg.maxTries ? "waitlisted" : "open";
      }
    }
    if ((now - start) % (24 * HOUR) !== 12 * HOUR) continue;
    // daily batch at 12:00 UTC over the open queue, with masks for the current week's fortnight
    const weekStart = start + Math.floor((now - start) / WEEK) * WEEK;
    let cache = masks.get(weekStart);
    if (!cache) {
      cache = new MaskCache(makeGrid(new Date(weekStart), 14));
      masks.set(weekStart, cache);
    }
    const maskOf = (m: Member): Uint32Array => cache.mask(m);
    const open = requests.filter((r) => r.state === "open");
    if (open.length === 0) continue;
    const candidates: Candidate[] = [];
    for (const m of members) {
      if (!m.volunteer || (now >= m.pausedFrom && now < m.pausedTo)) continue;
      const scores = met
        .filter((x) => x.volunteer === m.id)
        .map(() => Math.min(5, Math.max(1, Math.round(m.quality + (seededRandom(hash(cfg.seed, m.id, now))() - 0.5)))));
      candidates.push({
        volunteerId: m.id,
        tags: m.tags,
        capacityPerMonth: m.capacity,
        usedThisMonth: usedThisMonth(m.id, now),
        freeMask: maskOf(m),
        ratingAvg: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        ratingCount: scores.length,
      });
    }
    const askers: BatchAsker[] = open.map((r) => {
      const seeker = byId.get(r.seekerId) as Member;
      const excluded = new Set<string>(r.tried);
      for (const m of members) {
        if (seeker.blocks.has(m.id) || m.blocks.has(seeker.id) || metRecently(seeker.id, m.id, now)) excluded.add(m.id);
      }
      return { requestId: r.id, seekerId: r.seekerId, tags: r.tags, freeMask: maskOf(seeker), excluded };
    });
    const result = policy(askers, candidates, w, hash(cfg.seed, now));
    const reqById = new Map(open.map((r) => [r.id, r]));
    const given = new Map<string, number>();
    for (const p of result.pairs) {
      const req = reqById.get(p.requestId);
      if (!req) continue;
      const cand = candidates.find((c) => c.volunteerId === p.volunteerId) as Candidate;
      given.set(p.volunteerId, (given.get(p.volunteerId) ?? 0) + 1);
      if (cand.usedThisMonth + (given.get(p.volunteerId) ?? 0) > cand.capacityPerMonth) capacityViolations++;
      if (metRecently(req.seekerId, p.volunteerId, now)) introsToRecentPairs++;
      const dice = seededRandom(hash(cfg.seed, req.id, p.volunteerId))();
      const respond = seededRandom(hash(cfg.seed, req.id, p.volunteerId, "delay"))();
      const outcome = dice < cfg.accept ? "accept" : dice < cfg.accept + cfg.decline ? "decline" : "ignore";
      const dueAt = outcome === "ignore" ? now + cfg.responseWindowHours * HOUR : now + (1 + Math.floor(respond * 47)) * HOUR;
      req.tried.push(p.volunteerId);
      req.state = "offered";
      pending.push({ req, volunteerId: p.volunteerId, offeredAt: now, outcome, dueAt, score: p.reasons.score });
      intros++;
    }
  }
  return summarize(cfg, policyName, requests, members, acceptedAt, met, {
    intros,
    declined,
    expired,
    introsToRecentPairs,
    capacityViolations,
    acceptedScores,
  });
}

function summarize(
  cfg: SimConfig,
  policy: string,
  requests: readonly Req[],
  members: readonly Member[],
  acceptedAt: ReadonlyMap<string, number[]>,
  met: readonly { seeker: string; volunteer: string; at: number }[],
  c: {
    intros: number;
    declined: number;
    expired: number;
    introsToRecentPairs: number;
    capacityViolations: number;
    acceptedScores: number[];
  },
): SimResult {
  const end = cfg.start.getTime() + cfg.weeks * WEEK;
  const eligible = requests.filter((r) => r.createdAt <= end - cfg.responseWindowHours * HOUR);
  const within = eligible.filter((r) => r.matchedAt !== null && r.matchedAt - r.createdAt <= cfg.responseWindowHours * HOUR).length;
  const matched = requests.filter((r) => r.matchedAt !== null);
  const hours = matched.map((r) => ((r.matchedAt as number) - r.createdAt) / HOUR).sort((a, b) => a - b);
  let repeatPairs = 0;
  met.forEach((m, i) => {
    if (met.some((o, j) => j < i && o.seeker === m.seeker && o.volunteer === m.volunteer && m.at - o.at < cfg.repeatWindowWeeks * WEEK))
      repeatPairs++;
  });
  const vols = members.filter((m) => m.volunteer);
  const chats = vols.map((v) => (acceptedAt.get(v.id) ?? []).length);
  const util = vols.map((v, i) => (chats[i] as number) / Math.max(1, v.capacity));
  return {
    policy,
    requests: requests.length,
    matchedWithin72h: within,
    shareWithin72h: eligible.length === 0 ? 0 : within / eligible.length,
    matched: matched.length,
    medianHoursToMatch: hours.length === 0 ? NaN : (hours[hours.length >> 1] as number),
    repeatPairs,
    introsToRecentPairs: c.introsToRecentPairs,
    loadGini: giniOf(chats),
    utilizationGini: giniOf(util),
    leftWaiting: requests.filter((r) => r.state !== "matched").length,
    waitlisted: requests.filter((r) => r.state === "waitlisted").length,
    intros: c.intros,
    declined: c.declined,
    expired: c.expired,
    meanAcceptedScore: c.acceptedScores.length === 0 ? 0 : c.acceptedScores.reduce((a, b) => a + b, 0) / c.acceptedScores.length,
    capacityViolations: c.capacityViolations,
  };
}

function giniOf(values: readonly number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  xs.forEach((x, i) => {
    weighted += (i + 1) * x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

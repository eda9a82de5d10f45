import { defaultSettings, newMember, type ChatRequest, type Member, type VolunteerProfile } from "../../src/core/domain/index.js";
import type { SeedRecords } from "./bulk-seed.js";

const DAY = 24 * 3600_000;
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "America/Los_Angeles"];
const TAGS = Array.from({ length: 40 }, (_, i) => `topic-${i}`);

/** Small deterministic PRNG (mulberry32): the same shape for every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export interface QueueShape {
  communityId: string;
  /** Members in all, volunteers and queued seekers included. */
  members: number;
  volunteers: number;
  /** Requests waiting for the batch: half already waitlisted, half open and stale. */
  queued: number;
  now: Date;
  seed?: number;
}

/**
 * A community whose queue the batch round will work on: volunteers with two or three of 40
 * topics, weekday hours in five zones and a capacity of 2–4; queued seekers with one or two
 * topics (one in twenty asks for a topic nobody offers). Seekers state no hours (waking hours).
 */
export function queueCommunity(s: QueueShape): SeedRecords {
  const rand = rng(s.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const createdAt = new Date(s.now.getTime() - 30 * DAY);
  const members: Member[] = [];
  const volunteers: VolunteerProfile[] = [];
  const requests: ChatRequest[] = [];
  const id = (i: number) => `${s.communityId}:m${i}`;
  for (let i = 0; i < s.members; i++) {
    const m = newMember({ id: id(i), communityId: s.communityId, displayName: `member ${i}`, timeZone: pick(ZONES), createdAt });
    members.push(m);
  }
  for (let i = 0; i < s.volunteers; i++) {
    const m = members[i];
    if (!m) break;
    const start = 8 + Math.floor(rand() * 6);
    m.availability = {
      windows: [1, 2, 3, 4, 5]
        .filter(() => rand() < 0.7)
        .map((day) => ({ day, start: `${String(start).padStart(2, "0")}:00`, end: `${start + 3}:00` })),
      datesOff: [],
    };
    const expertise = [...new Set([pick(TAGS), pick(TAGS), ...(rand() < 0.5 ? [pick(TAGS)] : [])])];
    volunteers.push({
      memberId: m.id,
      communityId: s.communityId,
      expertise,
      bio: `volunteer ${i}`,
      capacityPerMonth: 2 + Math.floor(rand() * 3),
      formats: ["video"],
      meetingLink: "",
      active: true,
      updatedAt: createdAt,
    });
  }
  for (let q = 0; q < s.queued; q++) {
    const seeker = members[s.members - 1 - q];
    if (!seeker) break;
    const waitlisted = q % 2 === 0;
    const tags = rand() < 0.05 ? ["nobody-offers-this"] : [...new Set([pick(TAGS), ...(rand() < 0.5 ? [pick(TAGS)] : [])])];
    const at = new Date(s.now.getTime() - 2 * DAY - q * 1000);
    requests.push({
      id: `${s.communityId}:req${q}`,
      communityId: s.communityId,
      seekerId: seeker.id,
      tags,
      goals: "Learn how the work really looks",
      status: waitlisted ? "waitlisted" : "open",
      tried: [],
      suggestions: [],
      referredBy: null,
      waitlistedAt: waitlisted ? at : null,
      createdAt: at,
      updatedAt: at,
    });
  }
  return {
    community: { id: s.communityId, name: s.communityId, settings: defaultSettings(), createdAt },
    members,
    volunteers,
    requests,
  };
}

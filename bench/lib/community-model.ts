/**
 * A realistic community as domain records, built in memory with one seeded generator: members
 * in real zones with weekly windows (some with none), 20 % volunteers with 1–4 Zipf-popular
 * expertise tags and capacity 1–4 a month, seekers with 1–3 interests, a history of chats
 * (held in the last months and this month, booked for the next two weeks), and the work a
 * command mix finds waiting: intros pending an answer, chats waiting for a slot, open and
 * waitlisted requests. Deterministic for a given seed and `now`.
 */
import type {
  Chat,
  ChatRequest,
  Community,
  Feedback,
  Intro,
  Member,
  SeekerProfile,
  Slot,
  VolunteerProfile,
} from "../../src/core/domain/index.js";
import { CommunitySettingsSchema, newMember } from "../../src/core/domain/index.js";
import { seededRandom, shuffleInPlace } from "../../src/core/matching/index.js";
import { proposeSlots } from "../../src/core/time/index.js";
import { seekerFreeTime } from "../../src/core/use-cases/shared/pool.js";
import { PersonFactory } from "./synth.js";
import { drawGoals, Vocabulary } from "./vocab.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ModelOptions {
  members: number;
  /** The instant the commands will run at; history lies before it, bookings after. */
  now: Date;
  seed?: number;
  volunteerShare?: number;
  communityId?: string;
  /** Work to leave waiting for a run: at least this many pending intros, chats to pick a slot for, members free to request. */
  reserve?: { accepts: number; picks: number; requests: number };
}

/** A pending intro the volunteer can accept. */
export interface PendingIntro {
  introId: string;
  volunteerId: string;
}
/** A chat waiting for either person to pick one of `choices` slots. */
export interface ProposingChat {
  chatId: string;
  seekerId: string;
  volunteerId: string;
  choices: number;
}

export interface CommunityModel {
  community: Community;
  members: Member[];
  seekers: SeekerProfile[];
  volunteers: VolunteerProfile[];
  requests: ChatRequest[];
  intros: Intro[];
  chats: Chat[];
  feedback: Feedback[];
  vocabulary: Vocabulary;
  pendingIntros: PendingIntro[];
  proposingChats: ProposingChat[];
  /** Members with no active request, who may ask for a chat. */
  requesters: string[];
  /** Active volunteers (not paused). */
  volunteerIds: string[];
}

const FIRST = [
  "Ada",
  "Ben",
  "Chen",
  "Dara",
  "Emeka",
  "Fatima",
  "Goran",
  "Hana",
  "Ivan",
  "Jia",
  "Kofi",
  "Lena",
  "Mateo",
  "Nia",
  "Omar",
  "Priya",
];
const LAST = ["Okafor", "Schmidt", "Tanaka", "Silva", "Nguyen", "Kowalski", "Haddad", "Iyer", "Murphy", "Rossi", "Lindqvist", "Mensah"];

/** Builds the community described in the module comment. */
export function buildCommunity(o: ModelOptions): CommunityModel {
  const seed = o.seed ?? 1;
  const rand = seededRandom(seed);
  const people = new PersonFactory(seed + 7, 1);
  const now = o.now;
  const cid = o.communityId ?? "slack:TBENCH";
  const share = o.volunteerShare ?? 0.2;
  const vocab = Vocabulary.forMembers(o.members);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const community: Community = {
    id: cid,
    name: "Bench community",
    settings: CommunitySettingsSchema.parse({ defaultTimeZone: "UTC" }),
    createdAt: new Date(now.getTime() - 400 * DAY),
  };
  const m: CommunityModel = {
    community,
    members: [],
    seekers: [],
    volunteers: [],
    requests: [],
    intros: [],
    chats: [],
    feedback: [],
    vocabulary: vocab,
    pendingIntros: [],
    proposingChats: [],
    requesters: [],
    volunteerIds: [],
  };

  const byId = new Map<string, Member>();
  const seekerIds: string[] = [];
  for (let i = 0; i < o.members; i++) {
    const volunteer = Math.floor((i + 1) * share) > Math.floor(i * share);
    const member = newMember({
      id: `${cid}:U${String(i).padStart(6, "0")}`,
      communityId: cid,
      displayName: `${pick(FIRST)} ${pick(LAST)}`,
      timeZone: people.zone(),
      timeZoneConfirmed: true,
      createdAt: new Date(now.getTime() - int(1, 365) * DAY),
    });
    const windows = rand() < (volunteer ? 0.05 : 0.3) ? [] : people.windows();
    member.availability = { windows, datesOff: [] };
    if (volunteer && rand() < 0.03) Object.assign(member, { status: "paused", pausedUntil: new Date(now.getTime() + 10 * DAY) });
    m.members.push(member);
    byId.set(member.id, member);
    if (volunteer) {
      m.volunteers.push({
        memberId: member.id,
        communityId: cid,
        expertise: vocab.some(rand, int(1, 4)),
        bio: "Happy to talk about how I got here and what I would do differently.",
        capacityPerMonth: int(1, 4),
        formats: rand() < 0.8 ? ["video"] : ["video", "in_person"],
        meetingLink: "",
        active: true,
        updatedAt: member.createdAt,
      });
      if (member.status === "active") m.volunteerIds.push(member.id);
    } else {
      m.seekers.push({
        memberId: member.id,
        communityId: cid,
        interests: vocab.some(rand, int(1, 3)),
        learn: drawGoals(rand),
        intro: "",
        updatedAt: member.createdAt,
      });
      seekerIds.push(member.id);
    }
  }
  const free = shuffleInPlace([...seekerIds], rand); // seekers with no active request yet
  const takeSeeker = (): string => {
    const s = free.pop();
    if (s === undefined) throw new Error(`${o.members} members are too few for the work reserved (--commands too large for this size)`);
    return s;
  };
  const busy = new Map<string, Slot[]>();
  const book = (id: string, s: Slot) => busy.set(id, [...(busy.get(id) ?? []), s]);
  const profile = new Map(m.volunteers.map((v) => [v.memberId, v]));

  let n = 0;
  const id = (prefix: string) => `${prefix}_b${String(++n).padStart(7, "0")}`;
  const reasons = (v: string, tags: string[]) => {
    const p = profile.get(v);
    return { sharedTags: tags.filter((t) => p?.expertise.includes(t)), sharedFreeHours: int(1, 12), load: rand() / 2, score: rand() };
  };
  /** A request, its accepted (or pending) intro and, for accepted ones, the chat. */
  const thread = (seekerId: string, volunteerId: string, at: Date, status: ChatRequest["status"]) => {
    const tags = (profile.get(volunteerId)?.expertise ?? vocab.some(rand, 1)).slice(0, int(1, 3));
    const r: ChatRequest = {
      id: id("req"),
      communityId: cid,
      seekerId,
      tags,
      goals: drawGoals(rand),
      status,
      tried: [volunteerId],
      suggestions: [{ volunteerId, reasons: reasons(volunteerId, tags) }],
      referredBy: null,
      createdAt: at,
      updatedAt: at,
    };
    const offeredAt = new Date(at.getTime() + 60_000);
    const intro: Intro = {
      id: id("intro"),
      communityId: cid,
      requestId: r.id,
      seekerId,
      volunteerId,
      status: status === "offered" ? "pending" : "accepted",
      reasons: reasons(volunteerId, tags),
      offeredAt,
      deadline: new Date(offeredAt.getTime() + 72 * HOUR),
      respondedAt: status === "offered" ? null : new Date(offeredAt.getTime() + 5 * HOUR),
      declineReason: null,
    };
    m.requests.push(r);
    m.intros.push(intro);
    return { r, intro };
  };
  const chat = (r: ChatRequest, intro: Intro, status: Chat["status"], slot: Slot | null, proposed: Slot[], at: Date): Chat => {
    const c: Chat = {
      id: id("chat"),
      communityId: cid,
      requestId: r.id,
      introId: intro.id,
      seekerId: r.seekerId,
      volunteerId: intro.volunteerId,
      status,
      minutes: 30,
      format: "video",
      proposedSlots: proposed,
      slot,
      reschedules: 0,
      cancelledBy: null,
      outcomeAt: status === "happened" && slot ? new Date(slot.end.getTime() + HOUR) : null,
      reports: status === "happened" && slot ? [{ by: r.seekerId, outcome: "happened", at: new Date(slot.end.getTime() + HOUR) }] : [],
      invite: slot ? { sequence: 0, slot, cancelled: false } : null,
      createdAt: at,
      updatedAt: at,
    };
    m.chats.push(c);
    return c;
  };
  const slotAt = (t: number): Slot => {
    const start = Math.floor(t / (30 * 60_000)) * 30 * 60_000;
    return { start: new Date(start), end: new Date(start + 30 * 60_000) };
  };

  // History: chats held in the last two months and this month (the load that counts now).
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  for (const v of m.volunteers) {
    const older = int(0, 2);
    const thisMonth = rand() < 0.5 ? 0 : int(0, v.capacityPerMonth - 1);
    for (let k = 0; k < older + thisMonth; k++) {
      const t = k < older ? monthStart - int(1, 60) * DAY : monthStart + rand() * (now.getTime() - 3 * HOUR - monthStart);
      const slot = slotAt(t);
      const { r, intro } = thread(pick(seekerIds), v.memberId, new Date(t - 3 * DAY), "completed");
      const c = chat(r, intro, "happened", slot, [slot], new Date(t - 2 * DAY));
      if (rand() < 0.5) {
        m.feedback.push({
          id: id("fb"),
          communityId: cid,
          chatId: c.id,
          fromId: r.seekerId,
          aboutId: v.memberId,
          rating: int(4, 5),
          note: "",
          createdAt: c.outcomeAt ?? c.updatedAt,
        });
      }
      if (rand() < 0.3) {
        const other = pick(m.volunteers).memberId;
        if (other !== v.memberId) {
          const at = new Date(r.createdAt.getTime() - DAY);
          m.intros.push({
            ...intro,
            id: id("intro"),
            volunteerId: other,
            status: "declined",
            offeredAt: at,
            deadline: new Date(at.getTime() + 72 * HOUR),
            respondedAt: new Date(at.getTime() + 2 * HOUR),
            declineReason: "no time this month",
          });
          r.tried = [other, v.memberId];
        }
      }
    }
  }
  // Booked in the next two weeks.
  for (const v of m.volunteerIds) {
    if (rand() >= 0.25) continue;
    const slot = slotAt(now.getTime() + int(1, 13) * DAY + int(0, 23) * HOUR);
    const seeker = takeSeeker();
    const { r, intro } = thread(seeker, v, new Date(now.getTime() - 3 * DAY), "scheduled");
    chat(r, intro, "scheduled", slot, [slot], new Date(now.getTime() - 2 * DAY));
    book(v, slot);
    book(seeker, slot);
  }
  // Waiting for a slot: proposed the way accepting proposes them, so a pick books a free time.
  const withWindows = shuffleInPlace(
    m.volunteerIds.filter((v) => (byId.get(v)?.availability.windows.length ?? 0) > 0),
    rand,
  );
  // Exact proposals cost a slot search each, so only the chats a run will pick get them; the
  // rest of the 2 % waiting for a slot get plain times (they are read, never picked).
  const proposing = o.reserve?.picks ?? 20;
  for (let k = 0; k < Math.round(0.02 * o.members) - proposing; k++) {
    const v = pick(m.volunteerIds);
    const at = new Date(now.getTime() - HOUR);
    const slots = [2, 3, 4].map((d) => slotAt(now.getTime() + d * DAY + int(0, 23) * HOUR));
    const { r, intro } = thread(takeSeeker(), v, new Date(at.getTime() - 6 * HOUR), "scheduling");
    chat(r, intro, "proposing", null, slots, at);
  }
  for (let k = 0, tries = 0; k < proposing && tries < proposing * 4; tries++) {
    const v = byId.get(withWindows[tries % withWindows.length] as string) as Member;
    const seeker = byId.get(takeSeeker()) as Member;
    const at = new Date(now.getTime() - HOUR);
    const slots = proposeSlots({
      a: { availability: v.availability, zone: v.timeZone },
      b: { availability: seekerFreeTime(seeker, community), zone: seeker.timeZone },
      busy: [...(busy.get(v.id) ?? []), ...(busy.get(seeker.id) ?? [])],
      now: at,
      minutes: 30,
      stepMinutes: community.settings.slotStepMinutes,
      minLeadHours: community.settings.minLeadHours,
      horizonDays: community.settings.horizonDays,
    });
    if (slots.length === 0) {
      free.unshift(seeker.id);
      continue;
    }
    const { r, intro } = thread(seeker.id, v.id, new Date(at.getTime() - 6 * HOUR), "scheduling");
    const c = chat(r, intro, "proposing", null, slots, at);
    for (const s of slots) book(v.id, s); // other proposals avoid these, so a pick never finds its slot taken
    m.proposingChats.push({ chatId: c.id, seekerId: seeker.id, volunteerId: v.id, choices: slots.length });
    k++;
  }
  // Intros waiting for the volunteer's answer, spread over the volunteers.
  const pending = Math.max(Math.round(0.03 * o.members), o.reserve?.accepts ?? 0);
  const vols = shuffleInPlace([...m.volunteerIds], rand);
  for (let k = 0; k < pending && vols.length > 0; k++) {
    const v = vols[k % vols.length] as string;
    const { intro } = thread(takeSeeker(), v, new Date(now.getTime() - rand() * 40 * HOUR), "offered");
    m.pendingIntros.push({ introId: intro.id, volunteerId: v });
  }
  // Requests waiting for the seeker's choice, and waitlisted ones.
  for (let k = 0; k < Math.round(0.05 * o.members); k++) {
    const seekerId = takeSeeker();
    const at = new Date(now.getTime() - rand() * 10 * DAY);
    const tags = vocab.some(rand, int(1, 3));
    const open = k % 5 < 3;
    const suggestions = open
      ? vols.slice(k % vols.length, (k % vols.length) + 3).map((v) => ({ volunteerId: v, reasons: reasons(v, tags) }))
      : [];
    m.requests.push({
      id: id("req"),
      communityId: cid,
      seekerId,
      tags,
      goals: drawGoals(rand),
      status: open ? "open" : "waitlisted",
      tried: [],
      suggestions,
      referredBy: null,
      ...(open ? {} : { waitlistedAt: at }),
      createdAt: at,
      updatedAt: at,
    });
  }
  m.requesters = shuffleInPlace([...free, ...m.volunteerIds], rand);
  if (m.requesters.length < (o.reserve?.requests ?? 0))
    throw new Error(`${o.members} members leave too few free requesters for the work reserved`);
  return m;
}

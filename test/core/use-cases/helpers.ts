import { expect } from "vitest";
import type { Chat, ChatRequest, CommunitySettings, Intro, Nudge, NudgeToggles, WeeklyWindow } from "../../../src/core/domain/index.js";
import type { NudgeFilter } from "../../../src/core/ports/index.js";
import type { Result } from "../../../src/core/result.js";
import {
  acceptIntro,
  chooseVolunteer,
  pickSlot,
  recordOutcome,
  requestChat,
  setAvailability,
  setSeekerProfile,
  setVolunteerProfile,
  type Actor,
  type RequestChatValue,
} from "../../../src/core/use-cases/index.js";
import { loadCommunity } from "../../../src/core/use-cases/shared/context.js";
import { DAY, MIN, type World } from "../../support/world.js";

export { DAY, HOUR, MIN, MONDAY, world, type World } from "../../support/world.js";

export const BERLIN = "Europe/Berlin";
export const NEW_YORK = "America/New_York";
export const KOLKATA = "Asia/Kolkata";
export const WEEK = 7 * DAY;

/** Weekly windows on the given ISO weekdays (Mon–Fri by default), in the member's own zone. */
export const weekdays = (start = "09:00", end = "17:00", days: readonly number[] = [1, 2, 3, 4, 5]): WeeklyWindow[] =>
  days.map((day) => ({ day, start, end }));

/** The value of a successful result; fails the test with the code otherwise. */
export function unwrap<T>(r: Result<T, string>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.detail ?? {})}`);
  return r.value;
}

/** Asserts an expected failure and returns its detail. */
export function expectFail(r: Result<unknown, string>, code: string): Record<string, unknown> {
  expect(r.ok ? "ok" : r.code).toBe(code);
  return r.ok ? {} : (r.detail ?? {});
}

/** Changes community settings (creating the community with defaults first). */
export async function configure(
  w: World,
  settings: Partial<Omit<CommunitySettings, "nudges">> & { nudges?: Partial<NudgeToggles> },
): Promise<void> {
  await w.store.tx(async (tx) => {
    const c = await loadCommunity(tx, w.communityId, w.clock.now());
    await tx.saveCommunity({
      ...c,
      settings: { ...c.settings, ...settings, nudges: { ...c.settings.nudges, ...(settings.nudges ?? {}) } },
    });
  });
}

export interface VolunteerOptions {
  capacity?: number;
  formats?: string[];
  link?: string;
  bio?: string;
}

/** A volunteer with expertise, a confirmed zone and weekly windows. Returns their actor. */
export async function makeVolunteer(
  w: World,
  name: string,
  tags: string,
  zone = BERLIN,
  windows: WeeklyWindow[] = weekdays(),
  opts: VolunteerOptions = {},
): Promise<Actor> {
  const actor = w.actor(name, zone);
  unwrap(await setAvailability(w.deps, { actor, windows, timeZone: zone }));
  unwrap(
    await setVolunteerProfile(w.deps, {
      actor,
      expertise: tags,
      capacityPerMonth: opts.capacity ?? 4,
      ...(opts.formats ? { formats: opts.formats } : {}),
      ...(opts.link !== undefined ? { meetingLink: opts.link } : {}),
      ...(opts.bio !== undefined ? { bio: opts.bio } : {}),
    }),
  );
  return actor;
}

/** A seeker with interests, a confirmed zone and weekly windows. Returns their actor. */
export async function makeSeeker(
  w: World,
  name: string,
  interests: string,
  zone = BERLIN,
  windows: WeeklyWindow[] = weekdays(),
): Promise<Actor> {
  const actor = w.actor(name, zone);
  unwrap(await setAvailability(w.deps, { actor, windows, timeZone: zone }));
  unwrap(await setSeekerProfile(w.deps, { actor, interests, learn: `what ${name} wants to learn` }));
  return actor;
}

export async function request(w: World, seeker: Actor, tags: string, goals = "how to get started"): Promise<RequestChatValue> {
  return unwrap(await requestChat(w.deps, { actor: seeker, tags, goals }));
}

/** A request, then the seeker chooses `volunteer` (or "auto"): the intro is out. */
export async function requestAndChoose(
  w: World,
  seeker: Actor,
  tags: string,
  volunteer: Actor | "auto",
  goals = "how to get started",
): Promise<{ request: ChatRequest; intro: Intro }> {
  const req = await request(w, seeker, tags, goals);
  const chosen = unwrap(
    await chooseVolunteer(w.deps, {
      actor: seeker,
      requestId: req.request.id,
      volunteerId: volunteer === "auto" ? "auto" : volunteer.memberId,
    }),
  );
  return { request: req.request, intro: chosen.intro };
}

/** The volunteer accepts the intro and (by default) the seeker picks slot `choice`. */
export async function acceptAndPick(w: World, volunteer: Actor, introId: string, by?: Actor, choice = 1): Promise<Chat> {
  const accepted = unwrap(await acceptIntro(w.deps, { actor: volunteer, introId }));
  expect(accepted.chat.proposedSlots.length).toBeGreaterThan(0);
  return unwrap(await pickSlot(w.deps, { actor: by ?? volunteer, chatId: accepted.chat.id, choice })).chat;
}

/** A scheduled chat between a fresh seeker and volunteer (both in Berlin, weekdays 9–17). */
export async function scheduledPair(
  w: World,
  opts: { seeker?: string; volunteer?: string; tags?: string; goals?: string; capacity?: number } = {},
) {
  const tags = opts.tags ?? "ux-design";
  const volunteer = await makeVolunteer(w, opts.volunteer ?? "vera", tags, BERLIN, weekdays(), {
    link: "https://meet.example/vera",
    ...(opts.capacity !== undefined ? { capacity: opts.capacity } : {}),
  });
  const seeker = await makeSeeker(w, opts.seeker ?? "sam", tags);
  const { request: req, intro } = await requestAndChoose(w, seeker, tags, volunteer, opts.goals);
  const chat = await acceptAndPick(w, volunteer, intro.id, seeker);
  return { volunteer, seeker, request: req, intro, chat };
}

/** Moves the clock to the start of the chat's slot (plus `after` ms) and records "happened". */
export async function happened(w: World, chat: Chat, by: Actor, after = 45 * MIN): Promise<Chat> {
  if (!chat.slot) throw new Error("chat has no slot");
  w.clock.set(new Date(chat.slot.start.getTime() + after));
  return unwrap(await recordOutcome(w.deps, { actor: by, chatId: chat.id, outcome: "happened" })).chat;
}

export const nudges = (w: World, filter: NudgeFilter = {}): Promise<Nudge[]> => w.store.tx((tx) => tx.listNudges(w.communityId, filter));
export const pending = (w: World, filter: NudgeFilter = {}): Promise<Nudge[]> => nudges(w, { ...filter, status: ["pending"] });

/** Every record the core writes, for "the second call changed nothing" checks. */
export async function snapshot(w: World) {
  return w.store.tx(async (tx) => ({
    members: await tx.listMembers(w.communityId),
    requests: await tx.listRequests(w.communityId),
    intros: await tx.listIntros(w.communityId),
    chats: await tx.listChats(w.communityId),
    feedback: await tx.listFeedback(w.communityId),
    nudges: await tx.listNudges(w.communityId),
  }));
}

export const getRequest = (w: World, id: string) => w.store.tx((tx) => tx.getRequest(w.communityId, id));
export const getIntro = (w: World, id: string) => w.store.tx((tx) => tx.getIntro(w.communityId, id));
export const getChat = (w: World, id: string) => w.store.tx((tx) => tx.getChat(w.communityId, id));
export const getMember = (w: World, id: string) => w.store.tx((tx) => tx.getMember(w.communityId, id));
export const listIntros = (w: World) => w.store.tx((tx) => tx.listIntros(w.communityId));

/** A compact view of outbox rows (kind, recipients by name, due time), sorted by due time, kind, recipient. */
export function summary(rows: readonly Nudge[], w: World): { kind: string; to: string; dueAt: string }[] {
  const short = (id: string) => id.slice(w.communityId.length + 1);
  return rows
    .map((n) => ({ kind: n.kind, to: n.to.map(short).join("+"), dueAt: n.dueAt.toISOString() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind) || a.to.localeCompare(b.to));
}

export const iso = (ms: number): string => new Date(ms).toISOString();

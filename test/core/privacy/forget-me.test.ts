import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../../src/core/ports/index.js";
import { blockMember, forgetMe, getStatus, giveFeedback, requestChat, type Actor } from "../../../src/core/use-cases/index.js";
import { FORMER_MEMBER } from "../../../src/core/use-cases/shared/scrub.js";
import { openStore } from "../../../src/store/index.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import {
  BERLIN,
  acceptAndPick,
  happened,
  makeSeeker,
  makeVolunteer,
  requestAndChoose,
  unwrap,
  weekdays,
  world,
} from "../use-cases/helpers.js";
import { setAvailability, setSeekerProfile, setVolunteerProfile } from "../../../src/core/use-cases/index.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-forget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Words that name Zelda: her display name, its parts, and her raw platform user id. */
const NAMING = [/zelda/i, /quixote/i, /U0ZELDA77/i];

/**
 * Zelda is a seeker who met Vera (feedback both ways, thank-you sent, Vera blocked her
 * afterwards) and a volunteer with an intro from Otto still waiting for her.
 */
async function history(store: Store) {
  const w = world({ store });
  const zelda: Actor = {
    communityId: w.communityId,
    memberId: `${w.communityId}:U0ZELDA77`,
    displayName: "Zelda Quixote",
    timeZone: BERLIN,
  };
  const vera = await makeVolunteer(w, "vera", "ux-design");
  unwrap(await setAvailability(w.deps, { actor: zelda, windows: weekdays(), timeZone: BERLIN }));
  unwrap(await setSeekerProfile(w.deps, { actor: zelda, interests: "ux-design", learn: "how Zelda Quixote moves into UX" }));
  const { intro } = await requestAndChoose(w, zelda, "ux-design", vera, "Zelda wants to learn research");
  const chat = await acceptAndPick(w, vera, intro.id, zelda);
  await w.tick();
  const done = await happened(w, chat, zelda);
  await w.tick();
  w.clock.advance(3 * 3600_000);
  await w.tick();
  unwrap(await giveFeedback(w.deps, { actor: zelda, chatId: done.id, rating: 5, note: "Vera was great" }));
  unwrap(await giveFeedback(w.deps, { actor: vera, chatId: done.id, rating: 4, note: "Zelda asked sharp questions" }));
  unwrap(await blockMember(w.deps, { actor: vera, targetId: zelda.memberId }));
  unwrap(await setVolunteerProfile(w.deps, { actor: zelda, expertise: "python", capacityPerMonth: 2, bio: "Zelda Q, Pythonista" }));
  const otto = await makeSeeker(w, "otto", "python");
  const otter = await requestAndChoose(w, otto, "python", zelda, "ask Zelda about Django");
  await w.tick();
  // Discord kept a notice for her (closed DMs) and remembers her DM channel.
  await store.tx(async (tx) => {
    const notice = (await tx.listNudges(w.communityId, { to: zelda.memberId }))[0]?.notice;
    if (!notice) throw new Error("no nudge to Zelda");
    await tx.keepNotice({ communityId: w.communityId, memberId: zelda.memberId, key: "kept-1", notice, createdAt: w.clock.now() });
    await tx.claimPlatformRef(w.communityId, "dm_channel", zelda.memberId, "dm-of-U0ZELDA77", w.clock.now());
  });
  return { w, zelda, vera, otto, chatId: done.id, ottoRequest: otter.request.id };
}

/** Every row of every table in a SQLite file, as text. */
function dumpSqlite(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "members",
        "seeker_profiles",
        "volunteer_profiles",
        "chat_requests",
        "intros",
        "chats",
        "feedback",
        "nudges",
        "communities",
      ]),
    );
    return tables.map((t) => `${t.name}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join("\n");
  } finally {
    db.close();
  }
}

/** Every record of the community through the port (the memory store has no SQL). */
async function dumpPort(store: Store, communityId: string): Promise<string> {
  return store.tx(async (tx) => {
    const members = await tx.listMembers(communityId);
    const seekers = await Promise.all(members.map((m) => tx.getSeeker(communityId, m.id)));
    return JSON.stringify({
      community: await tx.getCommunity(communityId),
      members,
      seekers,
      volunteers: await tx.listVolunteers(communityId),
      requests: await tx.listRequests(communityId),
      intros: await tx.listIntros(communityId),
      chats: await tx.listChats(communityId),
      feedback: await tx.listFeedback(communityId),
      nudges: await tx.listNudges(communityId),
    });
  });
}

async function checkForgotten(store: Store, dump: () => Promise<string>) {
  const { w, zelda, vera, otto, chatId, ottoRequest } = await history(store);
  const before = await dump();
  for (const re of NAMING) expect(before).toMatch(re);

  const v = unwrap(await forgetMe(w.deps, { actor: zelda }));
  expect(v).toMatchObject({
    found: true,
    seekerProfile: true,
    volunteerProfile: true,
    availabilityWindows: 5,
    feedbackWritten: 1,
    passedIntros: 1,
  });
  expect(v.messagesDeleted).toBeGreaterThan(3);
  expect(v.anonymizedRecords).toBeGreaterThan(3);

  // No row anywhere names her.
  const after = await dump();
  for (const re of NAMING) expect(after).not.toMatch(re);

  // Vera's history stays whole and readable: the chat, her feedback, her block — now of "a former member".
  const chat = await w.store.tx((tx) => tx.getChat(w.communityId, chatId));
  expect(chat?.status).toBe("happened");
  const placeholder = await w.store.tx((tx) => tx.getMember(w.communityId, chat?.seekerId ?? ""));
  expect(placeholder).toMatchObject({
    displayName: FORMER_MEMBER,
    forgotten: true,
    status: "opted_out",
    blocked: [],
    availability: { windows: [], datesOff: [] },
  });
  expect(placeholder?.id).toMatch(/^test:c1:forgotten:/);
  const feedback = await w.store.tx((tx) => tx.listFeedback(w.communityId, { chatId }));
  expect(feedback).toEqual([
    expect.objectContaining({ fromId: vera.memberId, aboutId: placeholder?.id, rating: 4, note: `${FORMER_MEMBER} asked sharp questions` }),
  ]);
  expect((await w.store.tx((tx) => tx.getMember(w.communityId, vera.memberId)))?.blocked).toEqual([placeholder?.id]);
  unwrap(await getStatus(w.deps, { actor: vera }));
  // Otto's request moved on from her (nobody else teaches python: waitlisted), and he was told.
  const req = await w.store.tx((tx) => tx.getRequest(w.communityId, ottoRequest));
  expect(req?.status).toBe("waitlisted");
  await w.tick();
  expect(w.messenger.of("intro_passed", otto.memberId).at(-1)?.notice).toMatchObject({ volunteer: { name: FORMER_MEMBER } });

  // Nothing is sent to her any more; forgetting twice finds nothing; writing again starts fresh.
  expect(unwrap(await forgetMe(w.deps, { actor: zelda })).found).toBe(false);
  const fresh = unwrap(await getStatus(w.deps, { actor: zelda }));
  expect(fresh.seeker).toBeNull();
  expect(fresh.requests).toEqual([]);
  expect(unwrap(await requestChat(w.deps, { actor: zelda, tags: "ux-design", goals: "again" })).request.seekerId).toBe(zelda.memberId);
}

describe("forget-me", () => {
  it("in memory: deletes her data, anonymizes her in others' history, and no record names her", async () => {
    const store = new MemoryStore();
    await checkForgotten(store, () => dumpPort(store, "test:c1"));
  });

  it("on SQLite: no row of any table names her", async () => {
    const file = join(dir, "forget.db");
    const store = await openStore(`file:${file}`);
    try {
      await checkForgotten(store, async () => dumpSqlite(file));
    } finally {
      await store.close();
    }
  });
});

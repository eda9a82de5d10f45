import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dispatch, type Command } from "../../../src/core/commands/index.js";
import type { Store } from "../../../src/core/ports/index.js";
import { acceptIntro, adminExport, adminStats, expireIntros, matchQueue, type Actor } from "../../../src/core/use-cases/index.js";
import { openStore } from "../../../src/store/index.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import {
  HOUR,
  happened,
  makeSeeker,
  makeVolunteer,
  request,
  requestAndChoose,
  scheduledPair,
  snapshot,
  unwrap,
  world,
  type World,
} from "../use-cases/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-isolation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Community A with every kind of record: a happened chat with feedback, a chat proposing times, a pending intro, an open request. */
async function historyA(store: Store) {
  const a = world({ store, community: "test:a" });
  const pair = await scheduledPair(a, { tags: "ux-design" });
  const done = await happened(a, pair.chat, pair.seeker);
  await dispatch(a.deps, pair.seeker, { kind: "feedback", chatId: done.id, rating: 5, note: "great" });
  const vic = await makeVolunteer(a, "vic", "ux-design");
  const sol = await makeSeeker(a, "sol", "ux-design");
  const proposing = await requestAndChoose(a, sol, "ux-design", vic);
  const accepted = unwrap(await acceptIntro(a.deps, { actor: vic, introId: proposing.intro.id }));
  const sue = await makeSeeker(a, "sue", "ux-design");
  const pendingIntro = await requestAndChoose(a, sue, "ux-design", pair.volunteer);
  const open = await request(a, await makeSeeker(a, "ola", "ux-design"), "ux-design");
  await a.tick();
  await matchQueue(a.deps, { communityId: a.communityId });
  return {
    a,
    ids: {
      happened: done.id,
      proposing: accepted.chat.id,
      pendingIntro: pendingIntro.intro.id,
      pendingRequest: pendingIntro.request.id,
      openRequest: open.request.id,
    },
    members: { vera: pair.volunteer.memberId, sam: pair.seeker.memberId, vic: vic.memberId },
  };
}

/** Every command B's people could send, aimed at A's records and members. */
function attacks(ids: Record<string, string>, members: Record<string, string>): Command[] {
  return [
    { kind: "status" },
    { kind: "accept", introId: ids.pendingIntro ?? "" },
    { kind: "decline", introId: ids.pendingIntro ?? "" },
    { kind: "choose", requestId: ids.openRequest ?? "", pick: 1 },
    { kind: "choose", requestId: ids.openRequest ?? "", pick: "auto" },
    { kind: "choose_member", requestId: ids.openRequest ?? "", volunteerId: members.vera ?? "" },
    { kind: "choose_named", name: "vera", memberId: members.vera ?? "" },
    { kind: "accept", name: "sam" },
    { kind: "decline", name: "sam", reason: "x" },
    { kind: "pick", choice: 1, name: "vic" },
    { kind: "pick", chatId: ids.proposing ?? "", choice: 1 },
    { kind: "outcome", chatId: ids.happened ?? "", outcome: "no_show" },
    { kind: "outcome", chatId: ids.proposing ?? "", outcome: "rescheduled" },
    { kind: "cancel", chatId: ids.proposing ?? "" },
    { kind: "cancel", chatId: ids.happened ?? "", confirmed: true },
    { kind: "cancel", requestId: ids.pendingRequest ?? "" },
    { kind: "block", memberId: members.vera ?? "" },
    { kind: "unblock", memberId: members.vic ?? "" },
    { kind: "volunteer_off" },
    { kind: "refer", chatId: ids.happened ?? "", memberId: members.vic ?? "" },
    { kind: "feedback", chatId: ids.happened ?? "", rating: 1, note: "x" },
    { kind: "member_left", memberId: members.vera ?? "" },
    { kind: "admin_add", memberId: members.vera ?? "" },
    { kind: "admin_remove", memberId: members.vera ?? "" },
    { kind: "admin_tags", op: "rename", from: "ux-design", to: "ux" },
    { kind: "admin_settings", set: { key: "programPaused", value: "on" } },
    { kind: "admin_stats", period: "all" },
    { kind: "admin_export", includeNotes: true },
    { kind: "admin_match" },
    { kind: "request", tags: "ux-design", goals: "find someone" },
    { kind: "pause", until: "+1w" },
    { kind: "resume" },
    { kind: "leave" },
    { kind: "forget_me" },
    { kind: "forget_me", confirmed: true },
  ];
}

/**
 * Community B's world on the same store. Its record ids repeat A's (both count from 1), except
 * nudge ids, which the schema makes unique across all communities (the outbox is shared).
 */
function worldB(store: Store): World {
  const b = world({ store, community: "test:b" });
  const ids = b.deps.ids;
  b.deps.ids = { next: (prefix) => (prefix === "ndg" ? `b-${ids.next(prefix)}` : ids.next(prefix)) };
  return b;
}

function suite(name: string, makeStore: () => Promise<Store>) {
  describe(`communities kept apart (${name})`, () => {
    it("B's members can neither read, act on nor be matched with anything of A", async () => {
      const store = await makeStore();
      try {
        const { a, ids, members } = await historyA(store);
        const before = await snapshot(a);
        expect(before.intros.some((i) => i.status === "pending")).toBe(true);
        const b = worldB(store);
        // Two kinds of B actor: an ordinary member, and one claiming A's member id (a spoofed or copied id).
        const actors: Actor[] = [
          { ...b.actor("mallory"), platformAdmin: true },
          { communityId: b.communityId, memberId: members.vera ?? "", displayName: "vera", platformAdmin: true },
        ];
        for (const actor of actors) {
          for (const cmd of attacks(ids, members)) {
            const reply = await dispatch(b.deps, actor, cmd);
            const text = JSON.stringify(reply);
            // Nothing of A comes back: not a record id, not a member, not a name.
            for (const leak of [ids.happened, ids.proposing, ids.pendingIntro, members.sam, members.vic, "great"]) {
              if (leak && "result" in reply && reply.result.ok) expect(text, `${cmd.kind} leaked ${leak}`).not.toContain(leak);
            }
            if (
              [
                "accept",
                "decline",
                "choose",
                "choose_member",
                "choose_named",
                "pick",
                "outcome",
                "cancel",
                "block",
                "unblock",
                "refer",
                "feedback",
              ].includes(cmd.kind) &&
              "result" in reply
            ) {
              expect(reply.result.ok, `${cmd.kind} acted across communities`).toBe(false);
            }
          }
        }
        await dispatch(b.deps, actors[0] ?? b.actor("x"), { kind: "admin_settings", set: { key: "programPaused", value: "off" } });
        // B's stats and export know only B.
        const admin = { ...b.actor("mallory"), platformAdmin: true };
        const stats = unwrap(await adminStats(b.deps, { actor: admin, period: "all" }));
        expect(stats.intros.offered).toBe(0);
        expect(stats.chats.booked).toBe(0);
        const exported = unwrap(await adminExport(b.deps, { actor: admin, includeNotes: true }));
        expect(exported.files.map((f) => f.text).join("")).not.toContain("test:a");

        // Matching: B's waitlisted seekers are never offered A's volunteers, by any route.
        const seekerB = await makeSeeker(b, "bea", "ux-design");
        const asked = await request(b, seekerB, "ux-design");
        expect(asked.suggestions).toEqual([]);
        b.clock.advance(25 * HOUR);
        a.clock.advance(25 * HOUR);
        await matchQueue(b.deps, { communityId: b.communityId });
        await matchQueue(a.deps, { communityId: a.communityId });
        expect((await b.store.tx((tx) => tx.listIntros(b.communityId))).length).toBe(0);
        expect(
          (await a.store.tx((tx) => tx.listIntros(a.communityId))).every(
            (i) => i.communityId === a.communityId && !i.seekerId.startsWith("test:b"),
          ),
        ).toBe(true);

        // A is exactly as it was, apart from its own clock-driven matching above.
        const after = await snapshot(a);
        expect(after.members).toEqual(before.members);
        expect(after.chats).toEqual(before.chats);
        expect(after.feedback).toEqual(before.feedback);
        expect(after.requests.filter((r) => r.seekerId.startsWith("test:b"))).toEqual([]);
        expect((await a.store.tx((tx) => tx.getCommunity(a.communityId)))?.settings.programPaused).toBe(false);
      } finally {
        await store.close();
      }
    });

    it("the same record ids in two communities stay two records", async () => {
      const store = await makeStore();
      try {
        const a = world({ store, community: "test:a" });
        const b = worldB(store);
        // Both worlds number their ids from 1, so chat_1, intro_1 … exist in both.
        const pa = await scheduledPair(a);
        const snapA = await snapshot(a);
        const pb = await scheduledPair(b, { tags: "python" });
        expect(pb.chat.id).toBe(pa.chat.id);
        expect(await snapshot(a)).toEqual(snapA);
        await happened(b, pb.chat, pb.seeker);
        // (No delivery here: the outbox is shared, so sending B's due messages would send A's too.)
        await expireIntros(b.deps);
        expect(await snapshot(a)).toEqual(snapA);
        const chatB = await b.store.tx((tx) => tx.getChat(b.communityId, pb.chat.id));
        expect(chatB?.status).toBe("happened");
        expect((await a.store.tx((tx) => tx.getChat(a.communityId, pa.chat.id)))?.status).toBe("scheduled");
      } finally {
        await store.close();
      }
    });
  });
}

suite("MemoryStore", async () => new MemoryStore());
let n = 0;
suite("SQLite", async () => openStore(`file:${join(dir, `iso${++n}`, "percolate.db")}`));

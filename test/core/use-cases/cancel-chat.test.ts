import { describe, expect, it } from "vitest";
import { cancelChat } from "../../../src/core/use-cases/index.js";
import {
  HOUR,
  expectFail,
  getChat,
  getRequest,
  happened,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  scheduledPair,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

describe("cancelChat", () => {
  it("the seeker cancels: the volunteer is told, reminders go, the request closes", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w);
    await w.tick();
    w.clock.advance(HOUR);
    const r = unwrap(await cancelChat(w.deps, { actor: sam, chatId: chat.id }));
    expect(r.replay).toBe(false);
    expect(r.chat).toMatchObject({ status: "cancelled", cancelledBy: sam.memberId });
    expect(await getChat(w, chat.id)).toEqual(r.chat);
    expect((await getRequest(w, request.id))?.status).toBe("cancelled");
    expect(summary(await pending(w), w)).toEqual([
      { kind: "chat_cancelled", to: "vera", dueAt: w.clock.now().toISOString() },
      { kind: "invite_cancelled", to: "sam", dueAt: w.clock.now().toISOString() },
    ]);
    expect((await nudges(w, { refId: chat.id, kinds: ["chat_reminder", "check_in"] })).every((n) => n.status === "cancelled")).toBe(true);
    expect((await pending(w, { kinds: ["chat_cancelled"] }))[0]?.notice).toMatchObject({
      chatId: chat.id,
      by: { id: sam.memberId, name: "sam" },
    });
    await w.tick();
    expect(w.messenger.of("chat_cancelled", vera.memberId)).toHaveLength(1);
    w.clock.advance(14 * 24 * HOUR);
    await w.tick();
    expect(w.messenger.of("chat_reminder")).toEqual([]);
    expect(w.messenger.of("check_in")).toEqual([]);
  });

  it("the volunteer cancels: the seeker is told and the request goes on to the next candidate", async () => {
    const w = world();
    const { volunteer: vera, request, chat } = await scheduledPair(w);
    const uma = await makeVolunteer(w, "uma", "ux-design");
    await w.tick();
    w.clock.advance(HOUR);
    unwrap(await cancelChat(w.deps, { actor: vera, chatId: chat.id }));
    expect(await getRequest(w, request.id)).toMatchObject({ status: "offered", tried: [vera.memberId, uma.memberId] });
    const written = (await pending(w)).filter((n) => n.createdAt.getTime() === w.clock.now().getTime());
    expect(summary(written, w).map((n) => [n.kind, n.to])).toEqual([
      ["chat_cancelled", "sam"],
      ["intro_offered", "uma"],
      ["invite_cancelled", "vera"],
      ["intro_reminder", "uma"],
    ]);
    expect((await pending(w, { kinds: ["chat_cancelled"] }))[0]?.notice).toMatchObject({ by: { id: vera.memberId } });
  });

  it("the volunteer cancels and nobody else fits: the request is waitlisted", async () => {
    const w = world();
    const { volunteer: vera, request, chat } = await scheduledPair(w);
    unwrap(await cancelChat(w.deps, { actor: vera, chatId: chat.id }));
    expect((await getRequest(w, request.id))?.status).toBe("waitlisted");
  });

  it("cancelling twice changes nothing (replay)", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    await makeVolunteer(w, "uma", "ux-design");
    unwrap(await cancelChat(w.deps, { actor: vera, chatId: chat.id }));
    const before = await snapshot(w);
    for (const actor of [vera, sam]) {
      const again = unwrap(await cancelChat(w.deps, { actor, chatId: chat.id }));
      expect(again.replay).toBe(true);
      expect(again.chat.cancelledBy).toBe(vera.memberId);
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("ALREADY_CLOSED once the chat happened", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    expect(expectFail(await cancelChat(w.deps, { actor: sam, chatId: chat.id }), "ALREADY_CLOSED")).toEqual({ status: "happened" });
  });

  it("NOT_FOUND and NOT_YOURS", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    const eve = await makeSeeker(w, "eve", "ux-design");
    expect(expectFail(await cancelChat(w.deps, { actor: sam, chatId: "chat_404" }), "NOT_FOUND")).toEqual({ chatId: "chat_404" });
    const before = await snapshot(w);
    expectFail(await cancelChat(w.deps, { actor: eve, chatId: chat.id }), "NOT_YOURS");
    expect(await snapshot(w)).toEqual(before);
  });
});

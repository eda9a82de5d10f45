import { describe, expect, it } from "vitest";
import { acceptIntro, cancelRequest } from "../../../src/core/use-cases/index.js";
import {
  expectFail,
  getChat,
  getIntro,
  getRequest,
  happened,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  request,
  requestAndChoose,
  scheduledPair,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

describe("cancelRequest", () => {
  it("an open request just closes, and the seeker may ask again", async () => {
    const w = world();
    await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design");
    const r = unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.request.id }));
    expect(r).toMatchObject({ replay: false, request: { id: req.request.id, status: "cancelled" } });
    expect(await nudges(w)).toEqual([]);
    const again = await request(w, sam, "ux-design");
    expect(again.replay).toBe(false);
    expect(again.request.id).not.toBe(req.request.id);
  });

  it("a pending intro is withdrawn and the volunteer told; its reminder goes", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    await w.tick();
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.id }));
    expect(await getIntro(w, intro.id)).toMatchObject({ status: "cancelled", respondedAt: w.clock.now() });
    expect((await nudges(w, { kinds: ["intro_reminder"] }))[0]?.status).toBe("cancelled");
    const told = await pending(w);
    expect(summary(told, w)).toEqual([{ kind: "intro_withdrawn", to: "vera", dueAt: w.clock.now().toISOString() }]);
    expect(told[0]?.notice).toMatchObject({ introId: intro.id, seeker: { id: sam.memberId } });
  });

  it("a chat being set up is cancelled and the volunteer told", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    await w.tick();
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.id }));
    expect(await getChat(w, chat.id)).toMatchObject({ status: "cancelled", cancelledBy: sam.memberId });
    expect((await getRequest(w, req.id))?.status).toBe("cancelled");
    expect(summary(await pending(w), w).map((n) => [n.kind, n.to])).toEqual([["chat_cancelled", "vera"]]);
  });

  it("a scheduled chat is cancelled with its reminders", async () => {
    const w = world();
    const { seeker: sam, request: req, chat } = await scheduledPair(w);
    await w.tick();
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.id }));
    expect((await getChat(w, chat.id))?.status).toBe("cancelled");
    expect(summary(await pending(w), w).map((n) => [n.kind, n.to])).toEqual([
      ["chat_cancelled", "vera"],
      ["invite_cancelled", "sam"],
    ]);
  });

  it("cancelling twice changes nothing (replay)", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req } = await requestAndChoose(w, sam, "ux-design", vera);
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.id }));
    const before = await snapshot(w);
    const again = unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.id }));
    expect(again.replay).toBe(true);
    expect(await snapshot(w)).toEqual(before);
  });

  it("ALREADY_CLOSED after the chat happened", async () => {
    const w = world();
    const { seeker: sam, request: req, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    expect(expectFail(await cancelRequest(w.deps, { actor: sam, requestId: req.id }), "ALREADY_CLOSED")).toEqual({ status: "completed" });
  });

  it("NOT_FOUND and NOT_YOURS", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req } = await requestAndChoose(w, sam, "ux-design", vera);
    expect(expectFail(await cancelRequest(w.deps, { actor: sam, requestId: "req_404" }), "NOT_FOUND")).toEqual({ requestId: "req_404" });
    const before = await snapshot(w);
    expectFail(await cancelRequest(w.deps, { actor: vera, requestId: req.id }), "NOT_YOURS");
    expect(await snapshot(w)).toEqual(before);
  });
});

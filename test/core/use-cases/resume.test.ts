import { describe, expect, it } from "vitest";
import { cancelRequest, leave, pause, resume } from "../../../src/core/use-cases/index.js";
import { DAY, getMember, makeSeeker, makeVolunteer, request, snapshot, unwrap, world } from "./helpers.js";

describe("resume", () => {
  it("ends a pause early: the volunteer is suggested again at once", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    unwrap(await pause(w.deps, { actor: vera, until: new Date(w.clock.now().getTime() + 30 * DAY) }));
    const r = unwrap(await resume(w.deps, { actor: vera }));
    expect(r.wasPaused).toBe(true);
    expect(r.member).toMatchObject({ status: "active", pausedUntil: null });
    expect(await getMember(w, vera.memberId)).toMatchObject({ status: "active", pausedUntil: null });
    expect((await request(w, sam, "ux-design")).suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId]);
  });

  it("brings back a member who left", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    unwrap(await leave(w.deps, { actor: vera }));
    expect((await request(w, sam, "ux-design", "first")).suggestions).toEqual([]);
    expect(unwrap(await resume(w.deps, { actor: vera })).wasPaused).toBe(true);
    const open = (await snapshot(w)).requests[0];
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: open?.id ?? "" }));
    expect((await request(w, sam, "ux-design", "second")).suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId]);
  });

  it("resuming an active member changes nothing", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const before = await snapshot(w);
    const r = unwrap(await resume(w.deps, { actor: vera }));
    expect(r.wasPaused).toBe(false);
    expect(r.member.status).toBe("active");
    expect(await snapshot(w)).toEqual(before);
    unwrap(await pause(w.deps, { actor: vera, until: new Date(w.clock.now().getTime() + DAY) }));
    unwrap(await resume(w.deps, { actor: vera }));
    const once = await snapshot(w);
    expect(unwrap(await resume(w.deps, { actor: vera })).wasPaused).toBe(false);
    expect(await snapshot(w)).toEqual(once);
  });
});

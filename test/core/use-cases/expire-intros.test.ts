import { describe, expect, it } from "vitest";
import { acceptIntro, expireIntros } from "../../../src/core/use-cases/index.js";
import {
  HOUR,
  MIN,
  configure,
  getIntro,
  getRequest,
  makeSeeker,
  makeVolunteer,
  nudges,
  requestAndChoose,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

async function setup() {
  const w = world();
  const vera = await makeVolunteer(w, "vera", "ux-design");
  const uma = await makeVolunteer(w, "uma", "ux-design");
  const sam = await makeSeeker(w, "sam", "ux-design");
  const { request, intro } = await requestAndChoose(w, sam, "ux-design", vera);
  return { w, vera, uma, sam, request, intro };
}

describe("expireIntros", () => {
  it("reminds at 48 h, expires at 72 h: volunteer told, seeker told, next candidate offered", async () => {
    const { w, vera, uma, sam, request, intro } = await setup();
    await w.tick();
    expect(w.messenger.sent.map((d) => [d.notice.kind, d.to.map((m) => m.displayName)])).toEqual([["intro_offered", ["vera"]]]);

    w.clock.advance(48 * HOUR - MIN);
    await w.tick();
    expect(w.messenger.of("intro_reminder")).toHaveLength(0);
    w.clock.advance(MIN);
    await w.tick();
    expect(w.messenger.of("intro_reminder", vera.memberId)).toHaveLength(1);

    w.clock.advance(24 * HOUR - MIN);
    expect(await expireIntros(w.deps)).toEqual({ expired: 0 });
    w.clock.advance(MIN);
    const expiredAt = w.clock.now();
    expect(await expireIntros(w.deps)).toEqual({ expired: 1 });
    expect(await getIntro(w, intro.id)).toMatchObject({ status: "expired", respondedAt: null });

    const rows = (await nudges(w)).filter((n) => n.createdAt.getTime() === expiredAt.getTime());
    expect(summary(rows, w).map((n) => [n.kind, n.to, n.dueAt])).toEqual(
      expect.arrayContaining([
        ["intro_passed", "sam", expiredAt.toISOString()],
        ["intro_expired", "vera", expiredAt.toISOString()],
        ["intro_offered", "uma", expiredAt.toISOString()],
        ["intro_reminder", "uma", new Date(expiredAt.getTime() + 48 * HOUR).toISOString()],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(rows.find((n) => n.kind === "intro_passed")?.notice).toMatchObject({
      why: "expired",
      volunteer: { id: vera.memberId },
      next: { id: uma.memberId },
      waitlisted: false,
    });
    expect(rows.find((n) => n.kind === "intro_expired")?.notice).toMatchObject({ introId: intro.id, seeker: { id: sam.memberId } });
    const next = (await snapshot(w)).intros.find((i) => i.volunteerId === uma.memberId);
    expect(next?.deadline.getTime()).toBe(expiredAt.getTime() + 72 * HOUR);
    expect(await getRequest(w, request.id)).toMatchObject({ status: "offered", tried: [vera.memberId, uma.memberId] });

    await w.tick();
    expect(w.messenger.of("intro_expired", vera.memberId)).toHaveLength(1);
    expect(w.messenger.of("intro_passed", sam.memberId)).toHaveLength(1);
    expect(w.messenger.of("intro_offered", uma.memberId)).toHaveLength(1);
  });

  it("running twice expires nothing twice", async () => {
    const { w } = await setup();
    w.clock.advance(73 * HOUR);
    expect(await expireIntros(w.deps)).toEqual({ expired: 1 });
    const before = await snapshot(w);
    expect(await expireIntros(w.deps)).toEqual({ expired: 0 });
    expect(await snapshot(w)).toEqual(before);
  });

  it("the last try expiring waitlists the request", async () => {
    const w = world();
    await configure(w, { maxIntroTries: 1 });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request } = await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(72 * HOUR);
    expect(await expireIntros(w.deps)).toEqual({ expired: 1 });
    expect((await getRequest(w, request.id))?.status).toBe("waitlisted");
    const [passed] = await nudges(w, { kinds: ["intro_passed"] });
    expect(passed?.notice).toMatchObject({ why: "expired", next: null, waitlisted: true });
    expect(await nudges(w, { kinds: ["intro_offered"], to: w.actor("uma").memberId })).toEqual([]);
  });

  it("leaves answered intros alone and honours the community's response window", async () => {
    const w = world();
    await configure(w, { responseWindowHours: 24 });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    const a = await requestAndChoose(w, sam, "ux-design", vera);
    const b = await requestAndChoose(w, tom, "ux-design", uma);
    expect(a.intro.deadline.getTime() - a.intro.offeredAt.getTime()).toBe(24 * HOUR);
    // 48 h reminder would fall after a 24 h deadline: none is written.
    expect(await nudges(w, { kinds: ["intro_reminder"] })).toEqual([]);
    unwrap(await acceptIntro(w.deps, { actor: vera, introId: a.intro.id }));
    w.clock.advance(24 * HOUR);
    expect(await expireIntros(w.deps)).toEqual({ expired: 1 });
    expect((await getIntro(w, a.intro.id))?.status).toBe("accepted");
    expect((await getIntro(w, b.intro.id))?.status).toBe("expired");
  });

  it("sweeps every community in the store", async () => {
    const { w } = await setup();
    const w2 = world({ store: w.store, community: "test:c2" });
    const v2 = await makeVolunteer(w2, "vic", "ux-design");
    const s2 = await makeSeeker(w2, "sue", "ux-design");
    await requestAndChoose(w2, s2, "ux-design", v2);
    w.clock.advance(72 * HOUR);
    expect(await expireIntros(w.deps)).toEqual({ expired: 2 });
    expect((await snapshot(w2)).intros.map((i) => i.status)).toEqual(["expired"]);
    // Nothing crosses between communities: each seeker's next candidate is from their own.
    expect((await snapshot(w)).intros.every((i) => i.communityId === w.communityId)).toBe(true);
  });
});

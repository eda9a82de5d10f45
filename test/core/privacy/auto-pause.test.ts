import { describe, expect, it } from "vitest";
import type { Intro } from "../../../src/core/domain/index.js";
import { declineIntro, getStatus, resume } from "../../../src/core/use-cases/index.js";
import { ignoredInARow } from "../../../src/core/use-cases/shared/auto-pause.js";
import { renderNotice, shellStyle } from "../../../src/text/index.js";
import { configure, getMember, HOUR, makeSeeker, makeVolunteer, requestAndChoose, unwrap, world } from "../use-cases/helpers.js";

async function introsToVic(w: ReturnType<typeof world>, seekers: string[]) {
  const vic = await makeVolunteer(w, "vic", "rust", undefined, undefined, { capacity: 10 });
  const intros = [];
  for (const name of seekers) intros.push((await requestAndChoose(w, await makeSeeker(w, name, "rust"), "rust", vic)).intro);
  return { vic, intros };
}

describe("auto-pause of an inactive volunteer", () => {
  it("pauses a volunteer after 3 intros in a row expire, until they resume, and tells them how", async () => {
    const w = world();
    const { vic } = await introsToVic(w, ["s1", "s2", "s3"]);
    w.clock.advance(73 * HOUR);
    await w.tick();
    const paused = await getMember(w, vic.memberId);
    expect(paused).toMatchObject({ status: "paused", pausedUntil: null });
    const notices = w.messenger.of("auto_paused", vic.memberId);
    expect(notices).toHaveLength(1);
    const [d] = notices;
    if (!d || !paused) throw new Error("no notice");
    expect(d.notice).toEqual({ kind: "auto_paused", ignored: 3 });
    expect(renderNotice(d.notice, paused, shellStyle)).toContain('Type "resume" whenever you\'re ready');
    // Paused with no end date: no new intros until they come back.
    expect(unwrap(await getStatus(w.deps, { actor: vic })).member.status).toBe("paused");
    expect(unwrap(await resume(w.deps, { actor: vic })).wasPaused).toBe(true);
    expect((await getMember(w, vic.memberId))?.status).toBe("active");
  });

  it("counts only intros in a row: an answer in between resets the count", async () => {
    const w = world();
    const { vic, intros } = await introsToVic(w, ["s1", "s2", "s3", "s4"]);
    const [first] = intros;
    if (!first) throw new Error("no intro");
    w.clock.advance(1 * HOUR);
    // Declining the first one counts as an answer; the later three are all newer, though.
    unwrap(await declineIntro(w.deps, { actor: vic, introId: first.id }));
    w.clock.advance(73 * HOUR);
    await w.tick();
    // s2–s4 expired after the decline: three in a row.
    expect((await getMember(w, vic.memberId))?.status).toBe("paused");

    const w2 = world();
    const second = await introsToVic(w2, ["s1", "s2"]);
    w2.clock.advance(73 * HOUR);
    await w2.tick();
    expect((await getMember(w2, second.vic.memberId))?.status).toBe("active");
  });

  it("the streak runs back from the newest offer to the last accept or decline, skipping withdrawn and pending ones", async () => {
    const count = async (statuses: Intro["status"][]) => {
      const w = world();
      await w.store.tx(async (tx) => {
        for (const [i, status] of statuses.entries()) {
          await tx.saveIntro({
            id: `i${i}`,
            communityId: w.communityId,
            requestId: `r${i}`,
            seekerId: "s",
            volunteerId: "v",
            status,
            reasons: { sharedTags: [], sharedFreeHours: 0, load: 0, score: 0 },
            offeredAt: new Date(Date.UTC(2026, 0, 1 + i)),
            deadline: new Date(Date.UTC(2026, 0, 4 + i)),
            respondedAt: null,
            declineReason: null,
          });
        }
      });
      return w.store.tx((tx) => ignoredInARow(tx, w.communityId, "v"));
    };
    expect(await count(["expired", "expired", "declined", "expired", "expired"])).toBe(2);
    expect(await count(["accepted", "expired", "cancelled", "expired", "expired", "pending"])).toBe(3);
    expect(await count(["expired", "expired", "accepted"])).toBe(0);
    expect(await count([])).toBe(0);
  });

  it("follows the setting, and 0 turns it off", async () => {
    const w = world();
    await configure(w, { autoPauseAfterIgnored: 0 });
    const { vic } = await introsToVic(w, ["s1", "s2", "s3"]);
    w.clock.advance(73 * HOUR);
    await w.tick();
    expect((await getMember(w, vic.memberId))?.status).toBe("active");

    const w1 = world();
    await configure(w1, { autoPauseAfterIgnored: 1 });
    const one = await introsToVic(w1, ["s1"]);
    w1.clock.advance(73 * HOUR);
    await w1.tick();
    expect((await getMember(w1, one.vic.memberId))?.status).toBe("paused");
  });
});

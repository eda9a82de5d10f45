import { describe, expect, it } from "vitest";
import { type Delivery, noticesOf } from "../../../src/core/ports/index.js";
import { deliverDue, partKeys } from "../../../src/core/use-cases/index.js";
import { nudges, makeSeeker, makeVolunteer, requestAndChoose, scheduledPair, world } from "./helpers.js";

const SEC = 1000;

/** vera and two seekers who each chose her: two intro_offered nudges to vera, due now. */
async function twoIntros() {
  const w = world();
  const vera = await makeVolunteer(w, "vera", "ux-design");
  for (const name of ["sam", "sue"]) await requestAndChoose(w, await makeSeeker(w, name, "ux-design"), "ux-design", vera);
  return { w, vera };
}

describe("deliverDue combines notices due together for one member", () => {
  it("sends one message carrying both, and marks each nudge sent", async () => {
    const { w, vera } = await twoIntros();
    const r = await deliverDue(w.deps, w.messenger, { owner: "a" });
    expect(r).toMatchObject({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    expect(w.messenger.messages).toHaveLength(1);
    const [m] = w.messenger.messages;
    expect(m?.to.map((x) => x.id)).toEqual([vera.memberId]);
    expect(noticesOf(m ?? { notice: { kind: "auto_paused", ignored: 0 } }).map((n) => n.kind)).toEqual(["intro_offered", "intro_offered"]);
    const rows = await nudges(w, { kinds: ["intro_offered"] });
    expect(rows.map((n) => n.status)).toEqual(["sent", "sent"]);
    // The message's key names both nudges; each part maps back to its own row's key.
    expect(partKeys(m ?? { key: "", communityId: "", also: [] })).toEqual(rows.map((n) => `${w.communityId}/${n.key}`));
  });

  it("a failed message is retried as the same group, with the same key, and each nudge counts the attempt", async () => {
    const { w } = await twoIntros();
    w.messenger.outcome = () => ({ ok: false, error: "boom" });
    const keys: string[] = [];
    const keyed = {
      send: async (d: Delivery) => {
        keys.push(d.key);
        return w.messenger.send(d);
      },
    };
    const first = await deliverDue(w.deps, keyed, { owner: "a", baseBackoffMs: 30 * SEC });
    expect(first).toMatchObject({ claimed: 2, sent: 0, retried: 2 });
    expect((await nudges(w, { kinds: ["intro_offered"] })).map((n) => n.attempts)).toEqual([1, 1]);
    w.messenger.outcome = () => ({ ok: true });
    w.clock.advance(30 * SEC);
    const second = await deliverDue(w.deps, keyed, { owner: "a" });
    expect(second).toMatchObject({ claimed: 2, sent: 2 });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(w.messenger.messages.at(-1)?.attempt).toBe(2);
  });

  it("a permanent failure fails every nudge of the message", async () => {
    const { w } = await twoIntros();
    w.messenger.outcome = () => ({ ok: false, error: "user_not_found", permanent: true });
    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ claimed: 2, failed: 2 });
    expect((await nudges(w, { kinds: ["intro_offered"] })).map((n) => n.status)).toEqual(["failed", "failed"]);
  });

  it("a pair notice stays its own message; combine: false sends one message per nudge", async () => {
    const w = world();
    await scheduledPair(w);
    await w.tick();
    const pairs = w.messenger.messages.filter((m) => m.to.length === 2);
    expect(pairs.map((m) => noticesOf(m).length)).toEqual([1]);

    const { w: w2 } = await twoIntros();
    expect(await deliverDue(w2.deps, w2.messenger, { owner: "a", combine: false })).toMatchObject({ sent: 2 });
    expect(w2.messenger.messages).toHaveLength(2);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../../src/core/ports/index.js";
import { acceptIntro, pickSlot, recordOutcome } from "../../../src/core/use-cases/index.js";
import { MemoryStore, openStore } from "../../../src/store/index.js";
import { BERLIN, HOUR, getChat, makeSeeker, makeVolunteer, requestAndChoose, unwrap, weekdays, world } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-booked-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A chat between sam and vera whose slots are proposed and not yet picked. */
async function proposing(store: Store) {
  const w = world({ store });
  const vera = await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays());
  const sam = await makeSeeker(w, "sam", "ux-design");
  const { intro } = await requestAndChoose(w, sam, "ux-design", vera, "a first design job");
  const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
  return { w, sam, vera, chat };
}

const stores: [string, () => Promise<Store>][] = [
  ["in memory", async () => new MemoryStore()],
  ["on SQLite", () => openStore(`file:${join(dir, `b${++n}`, "percolate.db")}`)],
];

describe.each(stores)("bookedAt (%s)", (_name, open) => {
  it("is unset while slots are proposed, and set to the time of the first pick", async () => {
    const store = await open();
    try {
      const { w, sam, chat } = await proposing(store);
      expect(chat.bookedAt ?? null).toBeNull();
      expect((await getChat(w, chat.id))?.bookedAt ?? null).toBeNull();

      w.clock.advance(2 * HOUR);
      const pickedAt = w.clock.now();
      const { chat: booked } = unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
      expect(booked.bookedAt).toEqual(pickedAt);
      expect((await getChat(w, chat.id))?.bookedAt).toEqual(pickedAt);

      // Picking the booked slot again is a replay: the booking time does not move.
      w.clock.advance(HOUR);
      const again = unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
      expect(again.replay).toBe(true);
      expect(again.chat.bookedAt).toEqual(pickedAt);
    } finally {
      await store.close();
    }
  });

  it("keeps the first booking time through a reschedule and the second pick", async () => {
    const store = await open();
    try {
      const { w, sam, vera, chat } = await proposing(store);
      w.clock.advance(HOUR);
      const firstPick = w.clock.now();
      unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));

      w.clock.advance(3 * HOUR);
      const moved = unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "rescheduled" }));
      expect(moved.chat.status).toBe("proposing");
      expect(moved.chat.bookedAt).toEqual(firstPick);

      w.clock.advance(HOUR);
      const { chat: rebooked } = unwrap(await pickSlot(w.deps, { actor: vera, chatId: chat.id, choice: 2 }));
      expect(rebooked.status).toBe("scheduled");
      expect(rebooked.reschedules).toBe(1);
      expect(rebooked.bookedAt).toEqual(firstPick);
      expect((await getChat(w, chat.id))?.bookedAt).toEqual(firstPick);
    } finally {
      await store.close();
    }
  });
});

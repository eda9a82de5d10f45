import { expect, it } from "vitest";
import type { PeerGroup } from "../../src/core/domain/index.js";
import { eachStore } from "./each-store.js";
import { t } from "./fixtures.js";

const C = "slack:T1";

const group = (over: Partial<PeerGroup> = {}): PeerGroup => ({
  id: "grp_1",
  communityId: C,
  roundId: "rnd_1",
  memberIds: ["slack:T1:UA", "slack:T1:UB", "slack:T1:UC"],
  score: 1.5,
  proposedSlots: [
    { start: t(60), end: t(90) },
    { start: t(1500), end: t(1530) },
  ],
  slot: null,
  reports: [],
  status: "open",
  createdAt: t(1),
  updatedAt: t(1),
  ...over,
});

eachStore("A peer group's booked time", ({ run }) => {
  it("is stored and read back, replaced by a new pick, and empty before anyone picks", async () => {
    await run((tx) => tx.savePeerGroups([group()]));
    expect((await run((tx) => tx.getPeerGroup(C, "grp_1")))?.slot).toBeNull();
    const booked = group({ slot: { start: t(1500), end: t(1530) }, updatedAt: t(5) });
    await run((tx) => tx.savePeerGroups([booked]));
    expect(await run((tx) => tx.getPeerGroup(C, "grp_1"))).toEqual(booked);
    const moved = { ...booked, slot: { start: t(60), end: t(90) }, updatedAt: t(6) };
    await run((tx) => tx.savePeerGroups([moved]));
    expect(await run((tx) => tx.listPeerGroups(C, { memberId: "slack:T1:UB" }))).toEqual([moved]);
  });
});

import { expect, it } from "vitest";
import type { Nudge, PeerGroup, PeerProfile, PeerRound } from "../../src/core/domain/index.js";
import { eachStore } from "./each-store.js";
import { community, t } from "./fixtures.js";

const C = "slack:T1";
const OTHER = "discord:G1";

const profile = (memberId: string, over: Partial<PeerProfile> = {}): PeerProfile => ({
  communityId: C,
  memberId,
  active: true,
  skipRoundAt: null,
  ignoredInARow: 0,
  group: null,
  tags: ["ux-research", "数据科学"],
  createdAt: t(0),
  updatedAt: t(0),
  ...over,
});

const round = (id: string, at: number, over: Partial<PeerRound> = {}): PeerRound => ({
  id,
  communityId: C,
  at: t(at),
  status: "done",
  counts: { members: 5, groups: 2, unpaired: 1, skipped: 1 },
  ...over,
});

const group = (id: string, memberIds: string[], over: Partial<PeerGroup> = {}): PeerGroup => ({
  id,
  communityId: C,
  roundId: "rnd_1",
  memberIds,
  score: 2.75,
  proposedSlots: [{ start: t(60), end: t(90) }],
  slot: null,
  reports: [],
  status: "open",
  createdAt: t(1),
  updatedAt: t(1),
  ...over,
});

eachStore("Peer rounds", ({ run }) => {
  it("round-trips profiles field for field, lists a community's in join order, and deletes one", async () => {
    const a = profile("slack:T1:UA", { skipRoundAt: t(5), ignoredInARow: 1, group: "platform «ü»", createdAt: t(2) });
    const b = profile("slack:T1:UB", { active: false, tags: [] });
    await run(async (tx) => {
      await tx.savePeerProfile(a);
      await tx.savePeerProfile(b);
      await tx.savePeerProfile(profile("discord:G1:U1", { communityId: OTHER }));
    });
    expect(await run((tx) => tx.getPeerProfile(C, a.memberId))).toEqual(a);
    expect(await run((tx) => tx.listPeerProfiles(C))).toEqual([b, a]);
    await run((tx) => tx.savePeerProfile({ ...a, active: false, updatedAt: t(9) }));
    expect((await run((tx) => tx.getPeerProfile(C, a.memberId)))?.active).toBe(false);
    await run((tx) => tx.deletePeerProfile(C, b.memberId));
    expect(await run((tx) => tx.getPeerProfile(C, b.memberId))).toBeNull();
  });

  it("names the communities with an active peer, each once, leaving out those the platform cannot reach", async () => {
    const GONE = "slack:T9";
    await run(async (tx) => {
      await tx.saveCommunity(community(C));
      await tx.saveCommunity(community(GONE, { inactiveSince: t(1) }));
      await tx.savePeerProfile(profile("slack:T1:UA"));
      await tx.savePeerProfile(profile("slack:T1:UB"));
      await tx.savePeerProfile(profile("discord:G1:U1", { communityId: OTHER, active: false }));
      await tx.savePeerProfile(profile("slack:T9:U1", { communityId: GONE }));
    });
    expect(await run((tx) => tx.communitiesWithPeers())).toEqual([C]);
  });

  it("keeps rounds newest first and groups by round, member and creation time", async () => {
    await run(async (tx) => {
      await tx.savePeerRound(round("rnd_1", 0));
      await tx.savePeerRound(round("rnd_2", 20_160, { counts: { members: 2, groups: 1, unpaired: 0, skipped: 0 } }));
      await tx.savePeerGroups([
        group("grp_1", ["slack:T1:UA", "slack:T1:UB"]),
        group("grp_2", ["slack:T1:UC", "slack:T1:UD", "slack:T1:UE"], {
          reports: [{ by: "slack:T1:UC", outcome: "met", at: t(3) }],
          status: "met",
        }),
        group("grp_3", ["slack:T1:UA", "slack:T1:UC"], { roundId: "rnd_2", createdAt: t(20_160) }),
      ]);
    });
    expect((await run((tx) => tx.listPeerRounds(C, 1))).map((r) => r.id)).toEqual(["rnd_2"]);
    expect(await run((tx) => tx.listPeerRounds(C, 5))).toEqual([
      round("rnd_2", 20_160, { counts: { members: 2, groups: 1, unpaired: 0, skipped: 0 } }),
      round("rnd_1", 0),
    ]);
    expect((await run((tx) => tx.listPeerGroups(C, { roundId: "rnd_1" }))).map((g) => g.id)).toEqual(["grp_1", "grp_2"]);
    expect((await run((tx) => tx.listPeerGroups(C, { memberId: "slack:T1:UA" }))).map((g) => g.id)).toEqual(["grp_1", "grp_3"]);
    expect((await run((tx) => tx.listPeerGroups(C, { createdSince: t(100) }))).map((g) => g.id)).toEqual(["grp_3"]);
    expect(await run((tx) => tx.getPeerGroup(C, "grp_2"))).toEqual(
      group("grp_2", ["slack:T1:UC", "slack:T1:UD", "slack:T1:UE"], {
        reports: [{ by: "slack:T1:UC", outcome: "met", at: t(3) }],
        status: "met",
      }),
    );
    expect(await run((tx) => tx.getPeerGroup(OTHER, "grp_2"))).toBeNull();
  });

  it("keeps a nudge to three members (a trio's conversation) and finds it by any of them", async () => {
    const n: Nudge = {
      id: "ndg_1",
      communityId: C,
      key: "round_paired:grp_2:a+b+c",
      to: ["slack:T1:UA", "slack:T1:UB", "slack:T1:UC"],
      kind: "round_check_in",
      refId: "grp_2",
      dueAt: t(5),
      notice: { kind: "round_check_in", groupId: "grp_2", others: [{ id: "slack:T1:UB", name: "Bo", timeZone: "UTC" }] },
      status: "pending",
      attempts: 0,
      lastError: null,
      leaseOwner: null,
      leaseUntil: null,
      sentAt: null,
      createdAt: t(0),
    };
    await run((tx) => tx.addNudges([n]));
    expect(await run((tx) => tx.listNudges(C, { to: "slack:T1:UC" }))).toEqual([n]);
  });
});

import { expect, it } from "vitest";
import type { Installation } from "../../src/core/ports/index.js";
import { eachStore } from "./each-store.js";
import { community, t } from "./fixtures.js";

/** A workspace install with every field set (dates with milliseconds). */
const workspace = (id: string, over: Partial<Installation> = {}): Installation => ({
  id,
  platform: "slack",
  teamId: id.replace(/^slack:/, ""),
  enterpriseId: "E0GRID1",
  installerId: "UINSTALLER",
  botUserId: "UBOT123",
  scopes: ["chat:write", "commands", "im:write"],
  tokenExpiresAt: t(12 * 60),
  sealed: "v1.key00001.aXY.dGFn.Ym9keQ",
  installedAt: t(1),
  updatedAt: t(2),
  ...over,
});

/** An Enterprise Grid org-wide install: no team, no installer known, no expiry. */
const orgWide = (id: string, over: Partial<Installation> = {}): Installation => ({
  id,
  platform: "slack",
  teamId: null,
  enterpriseId: id.replace(/^slack-org:/, ""),
  installerId: null,
  botUserId: "UBOTORG",
  scopes: [],
  tokenExpiresAt: null,
  sealed: "v1.key00001.aXY.dGFn.b3Jn",
  installedAt: t(3),
  updatedAt: t(3),
  ...over,
});

eachStore("Installations and inactive communities", ({ run }) => {
  it("gives back null for an installation never saved, and false for deleting it", async () => {
    expect(await run((tx) => tx.getInstallation("slack:T404"))).toBeNull();
    expect(await run((tx) => tx.deleteInstallation("slack:T404"))).toBe(false);
    expect(await run((tx) => tx.listInstallations())).toEqual([]);
  });

  it("round-trips a workspace install and an org-wide install field for field", async () => {
    await run(async (tx) => {
      await tx.saveInstallation(workspace("slack:T1"));
      await tx.saveInstallation(orgWide("slack-org:E1"));
    });
    expect(await run((tx) => tx.getInstallation("slack:T1"))).toEqual(workspace("slack:T1"));
    expect(await run((tx) => tx.getInstallation("slack-org:E1"))).toEqual(orgWide("slack-org:E1"));
  });

  it("replaces an installation saved again under the same id (a reinstall or a token refresh)", async () => {
    await run((tx) => tx.saveInstallation(workspace("slack:T1")));
    const again = workspace("slack:T1", {
      botUserId: "UBOT999",
      installerId: null,
      scopes: ["chat:write"],
      tokenExpiresAt: null,
      sealed: "v1.key00002.bmV3.dGFn.bmV3",
      updatedAt: t(500),
    });
    await run((tx) => tx.saveInstallation(again));
    expect(await run((tx) => tx.getInstallation("slack:T1"))).toEqual(again);
    expect(await run((tx) => tx.listInstallations())).toEqual([again]);
  });

  it("deletes an installation once: true, then false, and it is gone from the list", async () => {
    await run(async (tx) => {
      await tx.saveInstallation(workspace("slack:T1"));
      await tx.saveInstallation(workspace("slack:T2", { installedAt: t(5) }));
    });
    expect(await run((tx) => tx.deleteInstallation("slack:T1"))).toBe(true);
    expect(await run((tx) => tx.deleteInstallation("slack:T1"))).toBe(false);
    expect(await run((tx) => tx.getInstallation("slack:T1"))).toBeNull();
    expect((await run((tx) => tx.listInstallations())).map((i) => i.id)).toEqual(["slack:T2"]);
  });

  it("lists every installation oldest first", async () => {
    await run(async (tx) => {
      await tx.saveInstallation(workspace("slack:TC", { installedAt: t(30) }));
      await tx.saveInstallation(orgWide("slack-org:EA", { installedAt: t(10) }));
      await tx.saveInstallation(workspace("slack:TB", { installedAt: t(20) }));
    });
    expect((await run((tx) => tx.listInstallations())).map((i) => i.id)).toEqual(["slack-org:EA", "slack:TB", "slack:TC"]);
  });

  it("keeps no installation saved in a transaction that failed", async () => {
    await expect(
      run(async (tx) => {
        await tx.saveInstallation(workspace("slack:T1"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await run((tx) => tx.getInstallation("slack:T1"))).toBeNull();
  });

  it("round-trips a community's inactiveSince, and leaves it absent once removed", async () => {
    await run((tx) => tx.saveCommunity(community("slack:T1", { inactiveSince: t(90) })));
    expect(await run((tx) => tx.getCommunity("slack:T1"))).toEqual(community("slack:T1", { inactiveSince: t(90) }));
    expect(await run((tx) => tx.listCommunities())).toEqual([community("slack:T1", { inactiveSince: t(90) })]);

    await run((tx) => tx.saveCommunity(community("slack:T1")));
    const back = await run((tx) => tx.getCommunity("slack:T1"));
    expect(back).toEqual(community("slack:T1"));
    expect(back && Object.keys(back)).not.toContain("inactiveSince");
    const listed = await run((tx) => tx.listCommunities());
    expect(listed[0] && Object.keys(listed[0])).not.toContain("inactiveSince");
  });
});

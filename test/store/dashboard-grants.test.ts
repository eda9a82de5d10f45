import { expect, it } from "vitest";
import type { DashboardGrant } from "../../src/core/domain/index.js";
import { eachStore } from "./each-store.js";
import { chat, t } from "./fixtures.js";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);
const HASH_C = "c".repeat(64);

/** A sign-in link with every field set (dates with milliseconds, several roles). */
const link = (hash: string, over: Partial<DashboardGrant> = {}): DashboardGrant => ({
  hash,
  kind: "link",
  communityId: "discord:G1",
  memberId: "discord:G1:U1",
  platformAdmin: false,
  roles: ["R-mods", "R-hosts «ünïcødé»"],
  createdAt: t(0),
  expiresAt: t(15),
  usedAt: null,
  ...over,
});

/** The session a link became: an admin by the platform's flag, no roles, 8 hours. */
const session = (hash: string, over: Partial<DashboardGrant> = {}): DashboardGrant => ({
  hash,
  kind: "session",
  communityId: "slack:T1",
  memberId: "slack:T1:UADMIN",
  platformAdmin: true,
  roles: [],
  createdAt: t(1),
  expiresAt: t(1 + 8 * 60),
  usedAt: null,
  ...over,
});

eachStore("Dashboard grants", ({ run, store }) => {
  it("gives back null for a grant never saved, false for using or deleting it, and prunes nothing", async () => {
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toBeNull();
    expect(await run((tx) => tx.useDashboardLink(HASH_A, t(2)))).toBe(false);
    expect(await run((tx) => tx.deleteDashboardGrant(HASH_A))).toBe(false);
    expect(await run((tx) => tx.pruneDashboardGrants(t(10_000)))).toBe(0);
  });

  it("round-trips a link and a session field for field (roles, flags, dates)", async () => {
    await run(async (tx) => {
      await tx.saveDashboardGrant(link(HASH_A));
      await tx.saveDashboardGrant(session(HASH_B));
      await tx.saveDashboardGrant(link(HASH_C, { usedAt: t(3), platformAdmin: true, roles: [] }));
    });
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toEqual(link(HASH_A));
    expect(await run((tx) => tx.getDashboardGrant(HASH_B))).toEqual(session(HASH_B));
    expect(await run((tx) => tx.getDashboardGrant(HASH_C))).toEqual(link(HASH_C, { usedAt: t(3), platformAdmin: true, roles: [] }));
  });

  it("refuses a second grant under a hash already stored, and keeps the first", async () => {
    await run((tx) => tx.saveDashboardGrant(link(HASH_A)));
    await expect(run((tx) => tx.saveDashboardGrant(session(HASH_A)))).rejects.toThrow();
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toEqual(link(HASH_A));
  });

  it("uses a link once: true, then false, with the time it was used; a session is never 'used'", async () => {
    await run(async (tx) => {
      await tx.saveDashboardGrant(link(HASH_A));
      await tx.saveDashboardGrant(session(HASH_B));
    });
    expect(await run((tx) => tx.useDashboardLink(HASH_A, t(5)))).toBe(true);
    expect(await run((tx) => tx.useDashboardLink(HASH_A, t(6)))).toBe(false);
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toEqual(link(HASH_A, { usedAt: t(5) }));

    expect(await run((tx) => tx.useDashboardLink(HASH_B, t(5)))).toBe(false);
    expect(await run((tx) => tx.getDashboardGrant(HASH_B))).toEqual(session(HASH_B));
  });

  it("lets exactly one of two concurrent uses of a link win", async () => {
    await run((tx) => tx.saveDashboardGrant(link(HASH_A)));
    const use = (minute: number) =>
      store().tx(async (tx) => {
        // Both read the unused link first, as openDashboardLink does, then race to mark it.
        expect((await tx.getDashboardGrant(HASH_A))?.kind).toBe("link");
        return tx.useDashboardLink(HASH_A, t(minute));
      });
    const results = await Promise.all([use(5), use(6)]);
    expect(results.filter((won) => won)).toHaveLength(1);
    const usedAt = (await run((tx) => tx.getDashboardGrant(HASH_A)))?.usedAt;
    expect(usedAt).toEqual(results[0] ? t(5) : t(6));
  });

  it("leaves a link unused when the transaction that used it failed", async () => {
    await run((tx) => tx.saveDashboardGrant(link(HASH_A)));
    await expect(
      run(async (tx) => {
        expect(await tx.useDashboardLink(HASH_A, t(5))).toBe(true);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toEqual(link(HASH_A));
    expect(await run((tx) => tx.useDashboardLink(HASH_A, t(7)))).toBe(true);
  });

  it("deletes a grant once (signing out): true, then false, and it is gone", async () => {
    await run(async (tx) => {
      await tx.saveDashboardGrant(session(HASH_A));
      await tx.saveDashboardGrant(session(HASH_B));
    });
    expect(await run((tx) => tx.deleteDashboardGrant(HASH_A))).toBe(true);
    expect(await run((tx) => tx.deleteDashboardGrant(HASH_A))).toBe(false);
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toBeNull();
    expect(await run((tx) => tx.getDashboardGrant(HASH_B))).toEqual(session(HASH_B));
  });

  it("prunes the grants that expired before the given time and keeps the rest, one expiring then included", async () => {
    await run(async (tx) => {
      await tx.saveDashboardGrant(link(HASH_A, { expiresAt: t(15) }));
      await tx.saveDashboardGrant(session(HASH_B, { expiresAt: t(30) }));
      await tx.saveDashboardGrant(link(HASH_C, { expiresAt: t(100), usedAt: t(2) }));
    });
    expect(await run((tx) => tx.pruneDashboardGrants(t(30)))).toBe(1);
    expect(await run((tx) => tx.getDashboardGrant(HASH_A))).toBeNull();
    expect(await run((tx) => tx.getDashboardGrant(HASH_B))).toEqual(session(HASH_B, { expiresAt: t(30) }));
    expect(await run((tx) => tx.getDashboardGrant(HASH_C))).toEqual(link(HASH_C, { expiresAt: t(100), usedAt: t(2) }));
    expect(await run((tx) => tx.pruneDashboardGrants(t(30)))).toBe(0);
    expect(await run((tx) => tx.pruneDashboardGrants(t(101)))).toBe(2);
  });

  it("round-trips a chat's bookedAt; a chat never booked reads back with none", async () => {
    await run(async (tx) => {
      await tx.saveChat(chat("slack:T1", "booked", { bookedAt: t(2000) }));
      await tx.saveChat(chat("slack:T1", "never", { status: "proposing", slot: null, bookedAt: null }));
      const { bookedAt: _dropped, ...old } = chat("slack:T1", "old");
      await tx.saveChat(old);
    });
    expect((await run((tx) => tx.getChat("slack:T1", "booked")))?.bookedAt).toEqual(t(2000));
    expect(await run((tx) => tx.getChat("slack:T1", "booked"))).toEqual(chat("slack:T1", "booked", { bookedAt: t(2000) }));
    expect((await run((tx) => tx.getChat("slack:T1", "never")))?.bookedAt).toBeNull();
    const old = await run((tx) => tx.getChat("slack:T1", "old"));
    expect(old?.id).toBe("old");
    expect(old?.bookedAt ?? null).toBeNull();

    await run(async (tx) => {
      const c = await tx.getChat("slack:T1", "booked");
      if (c) await tx.saveChat({ ...c, bookedAt: t(3000), reschedules: 3 });
    });
    expect((await run((tx) => tx.listChats("slack:T1", { requestId: "req-1" }))).find((c) => c.id === "booked")?.bookedAt).toEqual(t(3000));
  });
});

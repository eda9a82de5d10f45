import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../../src/core/domain/index.js";
import type { Result } from "../../../src/core/result.js";
import {
  adminAdd,
  adminDashboard,
  adminRemove,
  adminSettings,
  dashboardViewer,
  openDashboardLink,
  signOutDashboard,
  type Actor,
} from "../../../src/core/use-cases/index.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { fakeDashboardLinks } from "../../support/dashboard.js";
import { HOUR, MIN, MONDAY, world } from "../use-cases/helpers.js";

function setup() {
  const w = world({ store: new MemoryStore() });
  const links = fakeDashboardLinks();
  const deps = { ...w.deps, dashboard: links };
  const owner: Actor = { ...w.actor("olga"), platformAdmin: true };
  const ada = w.actor("ada");
  return { w, deps, links, owner, ada };
}

const codeOf = (r: Result<unknown, string>): string => (r.ok ? "ok" : r.code);

function value<T>(r: Result<T, string>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
}

describe("admin dashboard: a one-time link", () => {
  it("an admin gets a link to this community's dashboard, working for 15 minutes; only its hash is kept", async () => {
    const { w, deps, owner } = setup();
    const v = value(await adminDashboard(deps, { actor: owner }));
    expect(v.communityName).toBeNull(); // named only by its id so far
    expect(v.link).toBe("https://coffee.example/dashboard/test%3Ac1/signin?token=secret-1");
    expect(v.expiresAt).toEqual(new Date(MONDAY.getTime() + 15 * MIN));
    const kept = await w.store.tx((tx) => tx.getDashboardGrant("hash(secret-1)"));
    expect(kept).toMatchObject({ kind: "link", communityId: "test:c1", memberId: "test:c1:olga", platformAdmin: true, usedAt: null });
    expect(await w.store.tx((tx) => tx.getDashboardGrant("secret-1"))).toBeNull();
  });

  it("a non-admin is refused, and without a web server the admin hears it is off", async () => {
    const { w, deps, owner, ada } = setup();
    expect(codeOf(await adminDashboard(deps, { actor: ada }))).toBe("NOT_ADMIN");
    expect(codeOf(await adminDashboard(w.deps, { actor: owner }))).toBe("DASHBOARD_OFF");
    expect(codeOf(await adminDashboard(w.deps, { actor: ada }))).toBe("NOT_ADMIN");
  });

  it("signs in once: a second use, an expired link, another community's path or a made-up token don't", async () => {
    const { w, deps, owner } = setup();
    await adminDashboard(deps, { actor: owner });
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:other", secret: "secret-1" }))).toBe("LINK_UNKNOWN");
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:c1", secret: "made-up" }))).toBe("LINK_UNKNOWN");
    const session = value(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }));
    expect(session.sessionSecret).toBe("secret-2");
    expect(session.expiresAt).toEqual(new Date(MONDAY.getTime() + 8 * HOUR));
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }))).toBe("LINK_USED");
    // A session's secret is no link.
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-2" }))).toBe("LINK_UNKNOWN");

    await adminDashboard(deps, { actor: owner });
    w.clock.advance(15 * MIN);
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-3" }))).toBe("LINK_EXPIRED");
  });

  it("the session opens this community's dashboard as the admin, for 8 hours, until signed out", async () => {
    const { w, deps, owner } = setup();
    await w.store.tx((tx) => tx.saveCommunity({ id: "test:c1", name: "Design Friends", settings: defaultSettings(), createdAt: MONDAY }));
    expect(value(await adminDashboard(deps, { actor: owner })).communityName).toBe("Design Friends");
    const { sessionSecret } = value(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }));
    const viewer = value(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }));
    expect(viewer).toEqual({
      actor: { communityId: "test:c1", memberId: "test:c1:olga", platformAdmin: true, roles: [] },
      communityName: "Design Friends",
      adminName: "olga",
      // Olga's zone is not known (as on Discord), so dates show in the community's.
      zone: "UTC",
      sessionHash: "hash(secret-2)",
    });
    // The session reaches nothing of another community; the link's secret is no session.
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:other", secret: sessionSecret }))).toBe("OTHER_COMMUNITY");
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: "secret-1" }))).toBe("NO_SESSION");
    // The admin use cases run as the viewer's actor.
    expect(codeOf(await adminSettings(deps, { actor: viewer.actor }))).toBe("ok");

    w.clock.advance(8 * HOUR - 1);
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }))).toBe("ok");
    w.clock.advance(1);
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }))).toBe("SESSION_EXPIRED");
  });

  it("signing out ends the session", async () => {
    const { deps, owner } = setup();
    await adminDashboard(deps, { actor: owner });
    const { sessionSecret } = value(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }));
    await signOutDashboard(deps, { secret: sessionSecret });
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }))).toBe("NO_SESSION");
  });
});

describe("admin rights are checked again on every request", () => {
  it("an added admin removed with admin remove is refused on the next request, and by a link they had", async () => {
    const { deps, owner, ada } = setup();
    await adminSettings(deps, { actor: ada }); // ada is a member now
    expect(codeOf(await adminAdd(deps, { actor: owner, memberId: ada.memberId }))).toBe("ok");
    await adminDashboard(deps, { actor: ada });
    await adminDashboard(deps, { actor: ada });
    const { sessionSecret } = value(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }));
    expect(value(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret })).actor.platformAdmin).toBe(false);

    expect(codeOf(await adminRemove(deps, { actor: owner, memberId: ada.memberId }))).toBe("ok");
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }))).toBe("NOT_ADMIN");
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-2" }))).toBe("NOT_ADMIN");
  });

  it("fresh platform facts win over the recorded ones: a revoked admin flag refuses, an admin role admits", async () => {
    const { deps, owner } = setup();
    await adminSettings(deps, { actor: owner, set: { key: "adminRoleIds", value: "777" } });
    await adminDashboard(deps, { actor: owner });
    const { sessionSecret } = value(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }));
    const ask = (facts: { platformAdmin: boolean; roles: string[] }) =>
      dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret, facts });
    expect(codeOf(await ask({ platformAdmin: false, roles: [] }))).toBe("NOT_ADMIN");
    expect(value(await ask({ platformAdmin: false, roles: ["777"] })).actor).toMatchObject({ platformAdmin: false, roles: ["777"] });
  });

  it("a community gone quiet (uninstalled) or a member who left signs nobody in", async () => {
    const { w, deps, owner } = setup();
    await adminDashboard(deps, { actor: owner });
    await adminDashboard(deps, { actor: owner });
    const { sessionSecret } = value(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-1" }));
    await w.store.tx(async (tx) => {
      const m = await tx.getMember("test:c1", owner.memberId);
      if (m) await tx.saveMember({ ...m, status: "opted_out" });
    });
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }))).toBe("NOT_ADMIN");
    await w.store.tx(async (tx) => {
      const m = await tx.getMember("test:c1", owner.memberId);
      if (m) await tx.saveMember({ ...m, status: "active" });
      const c = await tx.getCommunity("test:c1");
      if (c) await tx.saveCommunity({ ...c, inactiveSince: w.clock.now() });
    });
    expect(codeOf(await openDashboardLink(deps, { communityId: "test:c1", secret: "secret-2" }))).toBe("NOT_ADMIN");
    expect(codeOf(await dashboardViewer(deps, { communityId: "test:c1", secret: sessionSecret }))).toBe("NOT_ADMIN");
  });
});

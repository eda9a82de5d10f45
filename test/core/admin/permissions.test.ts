import { describe, expect, it } from "vitest";
import { dispatch, parseText, type Command } from "../../../src/core/commands/index.js";
import type { Logger } from "../../../src/core/ports/index.js";
import { adminAdd, adminRemove, adminStats, leave } from "../../../src/core/use-cases/index.js";
import { renderReply, shellStyle } from "../../../src/text/index.js";
import { configure, expectFail, makeSeeker, makeVolunteer, unwrap, world } from "../use-cases/helpers.js";

/** A logger that keeps what it was told, to check refusals are logged. */
function recordingLog(): Logger & { warnings: { obj: Record<string, unknown>; msg: string }[] } {
  const warnings: { obj: Record<string, unknown>; msg: string }[] = [];
  return { warnings, info() {}, error() {}, warn: (obj, msg) => void warnings.push({ obj, msg }) };
}

const ADMIN_COMMANDS: Command[] = [
  { kind: "admin_settings" },
  { kind: "admin_settings", set: { key: "chatMinutes", value: "20" } },
  { kind: "admin_tags", op: "alias", from: "k8s", to: "kubernetes" },
  { kind: "admin_stats" },
  { kind: "admin_export", includeNotes: false },
  { kind: "admin_add", memberId: "test:c1:bob" },
  { kind: "admin_remove", memberId: "test:c1:bob" },
  { kind: "admin_match" },
];

describe("who may run admin commands", () => {
  it("a platform admin may run every admin command; anyone else is refused, logged, and nothing changes", async () => {
    const w = world();
    const log = recordingLog();
    const deps = { ...w.deps, log };
    await makeVolunteer(w, "bob", "python");
    const before = await w.store.tx((tx) => tx.getCommunity(w.communityId));
    for (const cmd of ADMIN_COMMANDS) {
      const refused = await dispatch(deps, w.actor("bob"), cmd);
      expect(refused.kind).toBe(cmd.kind);
      expect("result" in refused && !refused.result.ok && refused.result.code).toBe("NOT_ADMIN");
      expect(renderReply(refused, "UTC", shellStyle)).toMatch(
        /^Only community admins can use admin \w+\. Ask an admin to add you with "admin add <member>"\.$/,
      );
    }
    expect(log.warnings).toHaveLength(ADMIN_COMMANDS.length);
    expect(log.warnings[0]).toEqual({
      obj: { communityId: w.communityId, memberId: "test:c1:bob", action: "settings" },
      msg: "admin command refused: not an admin",
    });
    expect(await w.store.tx((tx) => tx.getCommunity(w.communityId))).toEqual(before);

    for (const cmd of ADMIN_COMMANDS) {
      const allowed = await dispatch(deps, { ...w.actor("ada"), platformAdmin: true }, cmd);
      expect("result" in allowed && allowed.result.ok, cmd.kind).toBe(true);
    }
    expect(log.warnings).toHaveLength(ADMIN_COMMANDS.length);
  });

  it("members an admin adds are admins until removed; platform admins stay admins", async () => {
    const w = world();
    const ada = { ...w.actor("ada"), platformAdmin: true };
    await makeSeeker(w, "bob", "python");
    expectFail(await adminStats(w.deps, { actor: w.actor("bob") }), "NOT_ADMIN");
    expect(unwrap(await adminAdd(w.deps, { actor: ada, memberId: "test:c1:bob" })).replay).toBe(false);
    expect(unwrap(await adminAdd(w.deps, { actor: ada, memberId: "test:c1:bob" })).replay).toBe(true);
    unwrap(await adminStats(w.deps, { actor: w.actor("bob") }));
    // An added admin can add others, but not an unknown member.
    expectFail(await adminAdd(w.deps, { actor: w.actor("bob"), memberId: "test:c1:nobody" }), "UNKNOWN_MEMBER");
    unwrap(await adminRemove(w.deps, { actor: ada, memberId: "test:c1:bob" }));
    expectFail(await adminStats(w.deps, { actor: w.actor("bob") }), "NOT_ADMIN");
    // Removing a platform admin from the added list changes nothing: the platform says they administer.
    expect(unwrap(await adminRemove(w.deps, { actor: ada, memberId: "test:c1:ada" })).replay).toBe(true);
    unwrap(await adminStats(w.deps, { actor: ada }));
  });

  it("Discord-style roles: a member holding a configured admin role is an admin", async () => {
    const w = world();
    await configure(w, { adminRoleIds: ["role-mods"] });
    expectFail(await adminStats(w.deps, { actor: { ...w.actor("cam"), roles: ["role-other"] } }), "NOT_ADMIN");
    unwrap(await adminStats(w.deps, { actor: { ...w.actor("cam"), roles: ["role-other", "role-mods"] } }));
  });

  it("a member who left is never an admin, whatever the platform says", async () => {
    const w = world();
    const ada = { ...w.actor("ada"), platformAdmin: true };
    unwrap(await leave(w.deps, { actor: ada }));
    expectFail(await adminStats(w.deps, { actor: ada }), "NOT_ADMIN");
  });

  it("parses every admin command and forget-me", () => {
    const r = (w: string) => (/^[a-z]+$/.test(w) ? `test:c1:${w}` : null);
    expect(parseText("admin settings", r)).toEqual({ kind: "admin_settings" });
    expect(parseText("admin settings chatMinutes 20", r)).toEqual({ kind: "admin_settings", set: { key: "chatMinutes", value: "20" } });
    expect(parseText("admin tags merge ml machine-learning", r)).toEqual({
      kind: "admin_tags",
      op: "merge",
      from: "ml",
      to: "machine-learning",
    });
    expect(parseText("admin stats 12w", r)).toEqual({ kind: "admin_stats", period: "12w" });
    expect(parseText("admin export --notes /tmp/out", r)).toEqual({ kind: "admin_export", includeNotes: true, path: "/tmp/out" });
    expect(parseText("admin export", r)).toEqual({ kind: "admin_export", includeNotes: false });
    expect(parseText("admin add bob", r)).toEqual({ kind: "admin_add", memberId: "test:c1:bob" });
    expect(parseText("admin remove bob", r)).toEqual({ kind: "admin_remove", memberId: "test:c1:bob" });
    expect(parseText("admin match", r)).toEqual({ kind: "admin_match" });
    expect(parseText("forget-me", r)).toEqual({ kind: "forget_me" });
    expect(parseText("admin", r).kind).toBe("unsupported");
    expect(parseText("admin tags swap a b", r).kind).toBe("unsupported");
    expect(parseText("admin settings chatMinutes", r).kind).toBe("unsupported");
    expect(parseText("admin frobnicate", r).kind).toBe("unsupported");
  });
});

describe("guests from another workspace", () => {
  it("hold no admin rights here, even flagged as platform admins at home or listed as added admins", async () => {
    const w = world();
    await makeVolunteer(w, "bob", "python");
    await configure(w, { admins: [w.actor("mallory").memberId] });
    for (const cmd of ADMIN_COMMANDS) {
      const refused = await dispatch(w.deps, { ...w.actor("mallory"), platformAdmin: true, guest: true }, cmd);
      expect("result" in refused && !refused.result.ok && refused.result.code).toBe("NOT_ADMIN");
    }
    const allowed = await dispatch(w.deps, { ...w.actor("mallory"), platformAdmin: true }, { kind: "admin_stats" });
    expect("result" in allowed && allowed.result.ok).toBe(true);
  });
});

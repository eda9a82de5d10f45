import { describe, expect, it } from "vitest";
import { adminSettings, adminSettingsMany, type Actor } from "../../../src/core/use-cases/index.js";
import type { SettingProblem } from "../../../src/core/admin/settings-keys.js";
import { renderFailure, shellStyle } from "../../../src/text/index.js";
import { settingProblemLine } from "../../../src/text/setting-words.js";
import { world } from "../use-cases/helpers.js";

function setup() {
  const w = world();
  const owner: Actor = { ...w.actor("olga"), platformAdmin: true };
  const settings = async () => {
    const r = await adminSettings(w.deps, { actor: owner });
    if (!r.ok) throw new Error(r.code);
    return r.value.settings;
  };
  return { w, owner, settings };
}

describe("adminSettingsMany: several settings at once, all or nothing", () => {
  it("saves every valid value at once and names only the keys whose value changed", async () => {
    const { w, owner, settings } = setup();
    const r = await adminSettingsMany(w.deps, {
      actor: owner,
      values: { chatMinutes: "45", programPaused: "off", slotstepminutes: "60", "nudges.chatReminder": "on", adminRoleIds: "<@&42>, 43" },
    });
    expect(r.ok && r.value.changed).toEqual(["chatMinutes", "slotStepMinutes", "adminRoleIds"]);
    const now = await settings();
    expect([now.chatMinutes, now.slotStepMinutes, now.programPaused, now.adminRoleIds]).toEqual([45, 60, false, ["42", "43"]]);
  });

  it("one bad value or unknown key saves nothing, and every problem comes back in the words admin settings uses", async () => {
    const { w, owner, settings } = setup();
    const before = await settings();
    const r = await adminSettingsMany(w.deps, {
      actor: owner,
      values: { chatMinutes: "45", slotStepMinutes: "7", chatMinutez: "30", defaultTimeZone: "Mars/Olympus" },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("INVALID_SETTINGS");
    const problems = (r.detail?.problems ?? []) as SettingProblem[];
    expect(problems.map((p) => [p.key, settingProblemLine(p)])).toEqual([
      ["slotStepMinutes", '"7" won\'t work for slotStepMinutes: use 15, 30 or 60.'],
      ["chatMinutez", 'There\'s no setting "chatMinutez". Did you mean chatMinutes?'],
      ["defaultTimeZone", '"Mars/Olympus" won\'t work for defaultTimeZone: use an IANA time zone like Europe/Berlin.'],
    ]);
    expect(await settings()).toEqual(before);
    // The same words `admin settings <key> <value>` answers with in chat (which adds how to type the fix).
    const one = await adminSettings(w.deps, { actor: owner, set: { key: "chatMinutez", value: "30" } });
    expect(one.ok).toBe(false);
    if (!one.ok)
      expect(renderFailure(one.code, one.detail, shellStyle)).toContain('There\'s no setting "chatMinutez". Did you mean chatMinutes?');
    const bad = await adminSettings(w.deps, { actor: owner, set: { key: "slotStepMinutes", value: "7" } });
    if (!bad.ok) expect(renderFailure(bad.code, bad.detail, shellStyle)).toBe('"7" won\'t work for slotStepMinutes: use 15, 30 or 60.');
  });

  it("a non-admin changes nothing", async () => {
    const { w, settings } = setup();
    const before = await settings();
    const r = await adminSettingsMany(w.deps, { actor: w.actor("ada"), values: { chatMinutes: "45" } });
    expect(r.ok ? "ok" : r.code).toBe("NOT_ADMIN");
    expect(await settings()).toEqual(before);
  });
});

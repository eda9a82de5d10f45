import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedValues, applySetting, SETTABLE_KEYS, settingText } from "../../../src/core/admin/settings-keys.js";
import { CommunitySettingsSchema, defaultSettings } from "../../../src/core/domain/index.js";
import { adminSettings } from "../../../src/core/use-cases/index.js";
import { isValidZone } from "../../../src/core/time/index.js";
import { renderFailure, shellStyle } from "../../../src/text/index.js";
import { expectFail, unwrap, world } from "../use-cases/helpers.js";

const value = fc.oneof(
  fc.integer({ min: -1000, max: 20000 }).map(String),
  fc.constantFrom(
    "on",
    "off",
    "true",
    "no",
    "none",
    "",
    "15",
    "30",
    "60",
    "Europe/Berlin",
    "Mars/Olympus",
    "1,2,3",
    "<#123>",
    "<@&42>",
    "1e3",
    "3.5",
    "NaN",
  ),
  fc.string({ maxLength: 30 }),
);

describe("settings validation", () => {
  it("random keys and values: valid ones land and parse; invalid ones name the field and the allowed values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...SETTABLE_KEYS), fc.string({ maxLength: 20 })), value, (key, raw) => {
        const before = defaultSettings();
        const r = applySetting(before, key, raw, isValidZone);
        if (r.ok) {
          // What is stored always parses again, and only the named field changed.
          expect(CommunitySettingsSchema.parse(r.settings)).toEqual(r.settings);
          const others = SETTABLE_KEYS.filter((k) => k !== key);
          for (const k of others) expect(settingText(r.settings, k)).toBe(settingText(before, k));
        } else if (SETTABLE_KEYS.includes(key)) {
          expect(r.problem).toEqual({ code: "BAD_SETTING", key, given: raw, allowed: allowedValues(key) });
          const text = renderFailure(r.problem.code, { ...r.problem }, shellStyle);
          expect(text).toContain(key);
          expect(text).toContain(allowedValues(key));
        } else {
          expect(r.problem.code).toBe("UNKNOWN_SETTING");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("integer fields accept exactly their range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 400 }), (n) => {
        const r = applySetting(defaultSettings(), "chatMinutes", String(n), isValidZone);
        expect(r.ok).toBe(n >= 15 && n <= 45);
        if (r.ok) expect(r.settings.chatMinutes).toBe(n);
      }),
    );
    expect(allowedValues("chatMinutes")).toBe("a whole number from 15 to 45");
    expect(allowedValues("responseWindowHours")).toBe("a whole number from 12 to 336");
    expect(allowedValues("autoPauseAfterIgnored")).toBe("a whole number from 0 to 20");
  });

  it("reads toggles, channels, role lists and zones", () => {
    const s = defaultSettings();
    const set = (k: string, v: string) => {
      const r = applySetting(s, k, v, isValidZone);
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      return r.settings;
    };
    expect(set("nudges.prep", "off").nudges.prep).toBe(false);
    expect(set("programPaused", "on").programPaused).toBe(true);
    expect(set("pairChannelId", "<#123456>").pairChannelId).toBe("123456");
    expect(set("pairChannelId", "none").pairChannelId).toBeNull();
    expect(set("adminRoleIds", "<@&42>, 43").adminRoleIds).toEqual(["42", "43"]);
    expect(set("defaultTimeZone", "Asia/Kolkata").defaultTimeZone).toBe("Asia/Kolkata");
    expect(applySetting(s, "defaultTimeZone", "Mars/Olympus", isValidZone).ok).toBe(false);
    expect(applySetting(s, "slotStepMinutes", "20", isValidZone).ok).toBe(false);
    // Keys with their own commands are not settable here.
    expect(applySetting(s, "admins", "x", isValidZone).ok).toBe(false);
    expect(applySetting(s, "tagAliases", "x", isValidZone).ok).toBe(false);
  });

  it("old stored settings without the new fields still parse, with defaults", () => {
    const old = { chatMinutes: 20, nudges: { prep: false } };
    const parsed = CommunitySettingsSchema.parse(old);
    expect(parsed).toMatchObject({
      chatMinutes: 20,
      matchEveryMinutes: 60,
      pairChannelId: null,
      adminRoleIds: [],
      autoPauseAfterIgnored: 3,
    });
  });
});

describe("admin settings use case", () => {
  const admin = (w: ReturnType<typeof world>) => ({ ...w.actor("ada"), platformAdmin: true });

  it("shows, sets, and refuses a bad value without changing anything", async () => {
    const w = world();
    const shown = unwrap(await adminSettings(w.deps, { actor: admin(w) }));
    expect(shown.changed).toBeNull();
    const set = unwrap(await adminSettings(w.deps, { actor: admin(w), set: { key: "responseWindowHours", value: "48" } }));
    expect(set.settings.responseWindowHours).toBe(48);
    const detail = expectFail(
      await adminSettings(w.deps, { actor: admin(w), set: { key: "responseWindowHours", value: "2" } }),
      "BAD_SETTING",
    );
    expect(detail).toEqual({ key: "responseWindowHours", given: "2", allowed: "a whole number from 12 to 336" });
    expectFail(await adminSettings(w.deps, { actor: admin(w), set: { key: "colour", value: "blue" } }), "UNKNOWN_SETTING");
    const community = await w.store.tx((tx) => tx.getCommunity(w.communityId));
    expect(community?.settings.responseWindowHours).toBe(48);
  });
});

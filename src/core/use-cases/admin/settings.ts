import { applySetting, type SettingProblem } from "../../admin/settings-keys.js";
import type { CommunitySettings } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { isValidZone } from "../../time/index.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";
import { type FrontDoorCode, type FrontDoorValue, openFrontDoor } from "../front-door.js";

export interface AdminSettingsValue {
  settings: CommunitySettings;
  /** The key changed, when the command set one. */
  changed: string | null;
  /** Setting `programChannelId` to a channel puts the front door up there (see openFrontDoor): what came of it. */
  frontDoor?: Result<FrontDoorValue, FrontDoorCode>;
}

/**
 * Shows the community's settings, or sets one `key` to the typed `value` (validated with the
 * settings schema: a bad value names the field and its allowed range and changes nothing).
 */
export async function adminSettings(
  deps: Deps,
  cmd: { actor: Actor; set?: { key: string; value: string } },
): Promise<Result<AdminSettingsValue, "NOT_ADMIN" | SettingProblem["code"]>> {
  const r = await asAdmin<AdminSettingsValue, SettingProblem["code"]>(deps, cmd.actor, "settings", async (tx, community, admin) => {
    if (!cmd.set) return ok({ settings: community.settings, changed: null });
    const applied = applySetting(community.settings, cmd.set.key, cmd.set.value, isValidZone);
    if (!applied.ok) {
      const { code, ...detail } = applied.problem;
      return fail(code, detail);
    }
    await tx.saveCommunity({ ...community, settings: applied.settings });
    deps.log.info({ communityId: community.id, by: admin.id, key: applied.key }, "setting changed");
    return ok({ settings: applied.settings, changed: applied.key });
  });
  return r.ok ? ok(await withFrontDoor(deps, cmd.actor.communityId, r.value)) : r;
}

/**
 * After the program channel was set (even to the same channel: that refreshes the door, or
 * posts it again if it was deleted), the front door goes up there. Outside the settings'
 * transaction: a platform call never holds the store.
 */
export async function withFrontDoor<V extends { settings: CommunitySettings; frontDoor?: Result<FrontDoorValue, FrontDoorCode> }>(
  deps: Deps,
  communityId: string,
  value: V,
  changed: readonly string[] = "changed" in value && typeof value.changed === "string" ? [value.changed] : [],
): Promise<V> {
  if (!changed.includes("programChannelId") || value.settings.programChannelId === null || !deps.programChannel) return value;
  return { ...value, frontDoor: await openFrontDoor(deps, { communityId }) };
}

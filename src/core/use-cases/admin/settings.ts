import { applySetting, type SettingProblem } from "../../admin/settings-keys.js";
import type { CommunitySettings } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { isValidZone } from "../../time/index.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

export interface AdminSettingsValue {
  settings: CommunitySettings;
  /** The key changed, when the command set one. */
  changed: string | null;
}

/**
 * Shows the community's settings, or sets one `key` to the typed `value` (validated with the
 * settings schema: a bad value names the field and its allowed range and changes nothing).
 */
export async function adminSettings(
  deps: Deps,
  cmd: { actor: Actor; set?: { key: string; value: string } },
): Promise<Result<AdminSettingsValue, "NOT_ADMIN" | SettingProblem["code"]>> {
  return asAdmin<AdminSettingsValue, SettingProblem["code"]>(deps, cmd.actor, "settings", async (tx, community, admin) => {
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
}

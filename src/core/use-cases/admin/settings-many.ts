import { applySetting, type SettingProblem, settingText } from "../../admin/settings-keys.js";
import type { CommunitySettings } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { isValidZone } from "../../time/index.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";
import type { FrontDoorCode, FrontDoorValue } from "../front-door.js";
import { withFrontDoor } from "./settings.js";

export interface AdminSettingsManyValue {
  settings: CommunitySettings;
  /** The keys whose value actually changed, as the settings name them. */
  changed: string[];
  /** A changed `programChannelId` puts the front door up there (see openFrontDoor): what came of it. */
  frontDoor?: Result<FrontDoorValue, FrontDoorCode>;
}

/**
 * Sets several settings at once (the dashboard's settings form), all or nothing: every value
 * is applied in turn with the same reading and checks as `admin settings <key> <value>`; if any
 * key is unknown or any value won't do, nothing is saved and every problem comes back
 * (`INVALID_SETTINGS`, detail `{ problems: SettingProblem[] }`, each naming its key; src/text words them).
 */
export async function adminSettingsMany(
  deps: Deps,
  cmd: { actor: Actor; values: Record<string, string> },
): Promise<Result<AdminSettingsManyValue, "NOT_ADMIN" | "INVALID_SETTINGS">> {
  const r = await asAdmin<AdminSettingsManyValue, "INVALID_SETTINGS">(deps, cmd.actor, "settings", async (tx, community, admin) => {
    let settings = community.settings;
    const problems: SettingProblem[] = [];
    const keys: string[] = [];
    for (const [key, value] of Object.entries(cmd.values)) {
      const applied = applySetting(settings, key, value, isValidZone);
      if (!applied.ok) {
        problems.push(applied.problem);
        continue;
      }
      settings = applied.settings;
      keys.push(applied.key);
    }
    if (problems.length > 0) return fail("INVALID_SETTINGS", { problems });
    const changed = [...new Set(keys)].filter((k) => settingText(settings, k) !== settingText(community.settings, k));
    if (changed.length === 0) return ok({ settings: community.settings, changed });
    await tx.saveCommunity({ ...community, settings });
    deps.log.info({ communityId: community.id, by: admin.id, keys: changed }, "settings changed");
    return ok({ settings, changed });
  });
  return r.ok ? ok(await withFrontDoor(deps, cmd.actor.communityId, r.value, r.value.changed)) : r;
}

import { applySetting, settingProblemWords, settingText } from "../../admin/settings-keys.js";
import type { CommunitySettings } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { isValidZone } from "../../time/index.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

export interface AdminSettingsManyValue {
  settings: CommunitySettings;
  /** The keys whose value actually changed, as the settings name them. */
  changed: string[];
}

/** One value that can't be saved, in the words `admin settings` uses for it. */
export interface SettingFieldProblem {
  key: string;
  message: string;
}

/**
 * Sets several settings at once (the dashboard's settings form), all or nothing: every value
 * is applied in turn with the same reading and checks as `admin settings <key> <value>`; if any
 * key is unknown or any value won't do, nothing is saved and every problem comes back
 * (`INVALID_SETTINGS`, detail `{ problems: SettingFieldProblem[] }`).
 */
export async function adminSettingsMany(
  deps: Deps,
  cmd: { actor: Actor; values: Record<string, string> },
): Promise<Result<AdminSettingsManyValue, "NOT_ADMIN" | "INVALID_SETTINGS">> {
  return asAdmin<AdminSettingsManyValue, "INVALID_SETTINGS">(deps, cmd.actor, "settings", async (tx, community, admin) => {
    let settings = community.settings;
    const problems: SettingFieldProblem[] = [];
    const keys: string[] = [];
    for (const [key, value] of Object.entries(cmd.values)) {
      const applied = applySetting(settings, key, value, isValidZone);
      if (!applied.ok) {
        problems.push({ key, message: settingProblemWords(applied.problem) });
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
}

import type { AdminReply, Reply } from "../core/commands/index.js";
import { settingText } from "../core/admin/settings-keys.js";
import type { CommunitySettings } from "../core/domain/index.js";
import { DASHBOARD_LINK_MINUTES, DASHBOARD_SESSION_HOURS } from "../core/domain/dashboard.js";
import type { AdminDashboardValue } from "../core/use-cases/index.js";
import type { TextStyle } from "./style.js";
import { renderQueue } from "./blockers.js";
import { renderTagList, renderUnalias } from "./tag-replies.js";
import { renderSettingList } from "./setting-words.js";
import { renderStats } from "./stats-replies.js";
import { renderFrontDoor } from "./front-door.js";

/** Is this the reply to an admin command? */
export const isAdminReply = (r: Reply): r is AdminReply => r.kind.startsWith("admin_");

/** All settings, each with its value, unit, range and meaning, and the command that changes one. */
export function renderSettings(s: CommunitySettings, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  return [
    `⚙️  Community settings — value (allowed): meaning. Change one: ${c("admin settings <key> <value>")}`,
    ...renderSettingList(s, u),
    `  tag aliases: ${Object.keys(s.tagAliases).length} of the community's own (${c("admin tags list")})`,
    `  admins: ${s.admins.length} added (${c("admin add <member>")})`,
  ].join("\n");
}

/** The dashboard link, for the admin who asked alone: how long it works, and not to share it. */
export function renderDashboardLink(v: AdminDashboardValue, u: TextStyle["user"], link: TextStyle["link"]): string {
  const where = v.communityName === null ? "this community" : u(v.communityName);
  return `Here's your dashboard link for ${where}: ${link(v.link)} — it works once, for ${DASHBOARD_LINK_MINUTES} minutes, and signs you in for ${DASHBOARD_SESSION_HOURS} hours. Don't share it.`;
}

/** The answer to a repeat of `admin dashboard` (a retried request): the link went out once and is not kept. */
export function dashboardLinkSent(style: TextStyle): string {
  return `Your dashboard link was sent in the first answer to this command and isn't kept anywhere. For a new one, type ${style.cmd("admin dashboard")}.`;
}

/** An admin command's success in words (failures go through renderFailure). */
export function renderAdminReply(
  r: AdminReply,
  c: TextStyle["cmd"],
  u: TextStyle["user"],
  zone = "UTC",
  link: TextStyle["link"] = u,
): string {
  if (!r.result.ok) return "";
  switch (r.kind) {
    case "admin_settings": {
      const v = r.result.value;
      if (!v.changed) return renderSettings(v.settings, c, u);
      const saved = `Saved: ${u(v.changed)} is now ${u(settingText(v.settings, v.changed))}.`;
      const door = v.frontDoor ? renderFrontDoor(v.frontDoor, c, u) : "";
      return door ? `${saved}\n${door}` : saved;
    }
    case "admin_tags": {
      const v = r.result.value;
      const from = u(v.from);
      const to = u(v.to);
      const verb =
        v.op === "alias"
          ? `"${from}" now means "${to}"`
          : v.op === "rename"
            ? `Renamed "${from}" to "${to}"`
            : `Merged "${from}" into "${to}"`;
      return `${verb}. ${v.profiles} profile(s) and ${v.requests} request(s) updated; typing "${from}" reads as "${to}" from now on.`;
    }
    case "admin_tags_list":
      return renderTagList(r.result.value, c, u);
    case "admin_tags_unalias":
      return renderUnalias(r.result.value, u);
    case "admin_stats":
      return renderStats(r.result.value, u, zone);
    case "admin_export": {
      const v = r.result.value;
      const files = v.files.map((f) => `${f.name} (${Math.max(0, f.text.split("\r\n").length - 2)} rows)`).join(", ");
      return `Exported ${files}. ${v.includeNotes ? "Feedback notes are included, as you asked — handle with care." : `Feedback notes are left out (${c("admin export --notes")} to include them).`}`;
    }
    case "admin_add":
      return r.result.value.replay
        ? "They're an admin already."
        : `Done — they can run admin commands now (${r.result.value.admins.length} added admin(s)).`;
    case "admin_remove":
      return r.result.value.replay
        ? "They weren't an added admin, so nothing changed. (Platform admins stay admins.)"
        : "Done — their admin rights are removed.";
    case "admin_match": {
      const v = r.result.value;
      if (v.programPaused)
        return `The programme is paused, so nothing was matched. Switch it on with ${c("admin settings programPaused off")}.`;
      return `Matched the queue: ${v.considered} request(s) waiting, ${v.offered} intro(s) sent.`;
    }
    case "admin_queue":
      return renderQueue(r.result.value, zone, c, u);
    case "admin_dashboard":
      return renderDashboardLink(r.result.value, u, link);
  }
}

import type { Community, Member } from "../domain/index.js";
import type { Logger } from "../ports/index.js";
import { fail, type Fail } from "../result.js";
import type { Actor } from "../use-cases/shared/context.js";

/** The admin commands, by the name refusals and logs use. */
export type AdminAction = "settings" | "tags" | "stats" | "export" | "add" | "remove" | "match" | "queue" | "dashboard" | "rounds" | "post";

/**
 * May this actor run admin commands here? The adapters supply the platform facts (Slack
 * workspace admin/owner or Discord Manage Server as `platformAdmin`, Discord roles as `roles`);
 * the rule itself lives here so it is the same everywhere: a platform admin, a member an admin
 * added (`settings.admins`), or a holder of a configured admin role. Forgotten or departed
 * members never are, whatever the platform says, and neither are guests from another workspace.
 */
export function isCommunityAdmin(community: Community, member: Member, actor: Actor): boolean {
  if (member.forgotten || member.status === "opted_out") return false;
  // Authority is per community: someone from another workspace holds none here, whatever they hold at home.
  if (actor.guest === true) return false;
  if (actor.platformAdmin === true) return true;
  if (community.settings.admins.includes(member.id)) return true;
  const roles = actor.roles ?? [];
  return community.settings.adminRoleIds.some((r) => roles.includes(r));
}

/** The refusal every non-admin gets, logged so admins can see who tried what. */
export function refuseAdmin(log: Logger, actor: Actor, action: AdminAction): Fail<"NOT_ADMIN"> {
  log.warn({ communityId: actor.communityId, memberId: actor.memberId, action }, "admin command refused: not an admin");
  return fail("NOT_ADMIN", { action });
}

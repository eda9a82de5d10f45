import { fail, ok, type Result } from "../../result.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

export interface AdminListValue {
  memberId: string;
  admins: string[];
  /** True when nothing changed (already an admin, or already not one). */
  replay: boolean;
}

/** Gives a member admin rights in this community (on top of the platform's own admins). */
export async function adminAdd(
  deps: Deps,
  cmd: { actor: Actor; memberId: string },
): Promise<Result<AdminListValue, "NOT_ADMIN" | "UNKNOWN_MEMBER">> {
  return asAdmin<AdminListValue, "UNKNOWN_MEMBER">(deps, cmd.actor, "add", async (tx, community) => {
    const target = await tx.getMember(community.id, cmd.memberId);
    if (!target || target.forgotten) return fail("UNKNOWN_MEMBER", { targetId: cmd.memberId });
    const admins = community.settings.admins;
    if (admins.includes(target.id)) return ok({ memberId: target.id, admins, replay: true });
    const next = [...admins, target.id];
    await tx.saveCommunity({ ...community, settings: { ...community.settings, admins: next } });
    return ok({ memberId: target.id, admins: next, replay: false });
  });
}

/** Takes back rights given with `adminAdd`. Platform admins stay admins: the platform says so. */
export async function adminRemove(deps: Deps, cmd: { actor: Actor; memberId: string }): Promise<Result<AdminListValue, "NOT_ADMIN">> {
  return asAdmin<AdminListValue, never>(deps, cmd.actor, "remove", async (tx, community) => {
    const admins = community.settings.admins;
    if (!admins.includes(cmd.memberId)) return ok({ memberId: cmd.memberId, admins, replay: true });
    const next = admins.filter((a) => a !== cmd.memberId);
    await tx.saveCommunity({ ...community, settings: { ...community.settings, admins: next } });
    return ok({ memberId: cmd.memberId, admins: next, replay: false });
  });
}

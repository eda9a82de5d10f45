import type { Community, Member } from "../../domain/index.js";
import { type AdminAction, isCommunityAdmin, refuseAdmin } from "../../admin/authorize.js";
import type { StoreTx } from "../../ports/index.js";
import type { Fail, Result } from "../../result.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";

/**
 * Runs an admin use case in one transaction, after the admin check: a non-admin gets
 * `NOT_ADMIN` (logged) and `fn` never runs. Every admin use case goes through here.
 */
export async function asAdmin<T, C extends string>(
  deps: Deps,
  actor: Actor,
  action: AdminAction,
  fn: (tx: StoreTx, community: Community, admin: Member) => Promise<Result<T, C>>,
): Promise<Result<T, C | "NOT_ADMIN">> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx): Promise<Result<T, C | "NOT_ADMIN">> => {
    const { community, member } = await loadActor(tx, actor, now);
    if (!isCommunityAdmin(community, member, actor)) return refuseAdmin(deps.log, actor, action) as Fail<"NOT_ADMIN">;
    return fn(tx, community, member);
  });
}

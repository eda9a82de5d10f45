import type { Community } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import { type Deps, loadCommunity } from "./shared/context.js";

/**
 * Percolate was installed in a community (or installed again): it is created with default
 * settings if new, named as the platform names it, and made reachable again, so nudges kept
 * while it was gone go out and its queue is matched; intros still waiting for an answer get
 * their deadline moved on by the time it was gone. `reactivated` says it had been removed.
 * Replayed installs change nothing.
 */
export async function communityInstalled(
  deps: Deps,
  cmd: { communityId: string; name?: string },
): Promise<Result<{ community: Community; reactivated: boolean }, never>> {
  return deps.store.tx(async (tx) => {
    const found = await loadCommunity(tx, cmd.communityId, deps.clock.now());
    const reactivated = found.inactiveSince !== undefined;
    const { inactiveSince: _gone, ...rest } = found;
    const named = cmd.name ?? found.name;
    const community: Community = { ...rest, name: named };
    if (reactivated || named !== found.name) await tx.saveCommunity(community);
    if (found.inactiveSince !== undefined) {
      // Volunteers could not answer while the app was gone: their intros get that time back,
      // rather than all expiring (and counting against them) at the first tick after.
      const away = deps.clock.now().getTime() - found.inactiveSince.getTime();
      const waiting = await tx.listIntros(cmd.communityId, { status: ["pending"] });
      if (away > 0 && waiting.length > 0)
        await tx.saveIntros(waiting.map((i) => ({ ...i, deadline: new Date(i.deadline.getTime() + away) })));
    }
    return ok({ community, reactivated });
  });
}

/**
 * The platform can no longer reach a community (the app was uninstalled, its tokens revoked):
 * it is marked inactive, so nothing is sent to it and its queue waits; its members, requests,
 * chats and pending nudges are kept for when it is installed again. Unknown communities and
 * replays change nothing; `changed` is true only the first time.
 */
export async function communityRemoved(
  deps: Deps,
  cmd: { communityId: string; reason: string },
): Promise<Result<{ changed: boolean }, never>> {
  return deps.store.tx(async (tx) => {
    const found = await tx.getCommunity(cmd.communityId);
    if (!found || found.inactiveSince !== undefined) return ok({ changed: false });
    await tx.saveCommunity({ ...found, inactiveSince: deps.clock.now() });
    deps.log.warn(
      { community: cmd.communityId, reason: cmd.reason },
      "community removed the app: nothing is sent to it until it is installed again",
    );
    return ok({ changed: true });
  });
}

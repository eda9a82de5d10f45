import { isStoreUnavailable } from "../core/ports/index.js";
import { type Deps, postDueProgramPost, postsOn } from "../core/use-cases/index.js";

/** How often one process looks for due program posts: posts are hourly, so a quarter-hour is prompt enough. */
export const POST_SWEEP_MS = 15 * 60_000;

/** When each store was last swept for due posts, by this process (clock time, ms). */
const lastSweep = new WeakMap<object, number>();

/**
 * Posts the weekly program posts that are due, at most once every POST_SWEEP_MS per process:
 * communities with a program channel and a cadence are looked at (reachable ones only), and each
 * due post is claimed before it is posted, so processes never post twice. A failing community
 * is logged and retried on a later sweep; a store that is down stops the sweep.
 */
export async function runDuePosts(deps: Deps): Promise<number> {
  if (!deps.programChannel) return 0;
  const now = deps.clock.now().getTime();
  const last = lastSweep.get(deps.store);
  if (last !== undefined && now - last < POST_SWEEP_MS && now >= last) return 0;
  lastSweep.set(deps.store, now);
  const communities = await deps.store.tx(async (tx) =>
    (await tx.listCommunities()).filter((c) => c.inactiveSince === undefined && postsOn(c.settings)).map((c) => c.id),
  );
  let posted = 0;
  for (const id of communities) {
    try {
      if ((await postDueProgramPost(deps, id)) === "posted") posted++;
    } catch (e) {
      if (isStoreUnavailable(e)) throw e;
      deps.log.error({ community: id, err: e instanceof Error ? e.message : String(e) }, "program post failed; a later sweep retries");
    }
  }
  return posted;
}

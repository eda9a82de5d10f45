import { fail, ok, type Result } from "../result.js";
import type { Deps } from "./shared/context.js";

/** Where the front door now stands, and what it took: a first post, an update in place, or a new post after a deletion. */
export interface FrontDoorValue {
  channelId: string;
  messageId: string;
  did: "posted" | "updated" | "reposted";
  /** False when the platform refused the pin (the message is there, unpinned). */
  pinned: boolean;
}

export type FrontDoorCode =
  /** The community has no program channel set. */
  | "NO_CHANNEL"
  /** This surface has no channels (the scheduler, the shell's own text rendering aside). */
  | "NO_PLATFORM"
  /** The platform would not post there (detail `error`: e.g. the bot is not in the channel). */
  | "POST_FAILED";

/**
 * Puts the front door up in the community's program channel: the message already posted there
 * (platform ref `front_door`, key the channel id) is re-drawn in place, so setting the same
 * channel twice never duplicates it; a message deleted on the platform is posted again; a new
 * channel gets its own post. The message is pinned each time (pinning twice is harmless).
 * Platform calls run outside the store's transactions.
 */
export async function openFrontDoor(deps: Deps, cmd: { communityId: string }): Promise<Result<FrontDoorValue, FrontDoorCode>> {
  const channel = deps.programChannel;
  const { communityId } = cmd;
  const channelId = (await deps.store.tx((tx) => tx.getCommunity(communityId)))?.settings.programChannelId ?? null;
  if (channelId === null) return fail("NO_CHANNEL");
  if (!channel) return fail("NO_PLATFORM");
  const known = await deps.store.tx((tx) => tx.getPlatformRef(communityId, "front_door", channelId));
  let did: FrontDoorValue["did"] = "posted";
  if (known !== null) {
    const updated = await channel.updateFrontDoor(communityId, channelId, known);
    if (updated.ok) return ok({ channelId, messageId: known, did: "updated", pinned: await pinned(deps, channelId, known, communityId) });
    if (!updated.gone) return fail("POST_FAILED", { error: updated.error });
    await deps.store.tx((tx) => tx.dropPlatformRef(communityId, "front_door", channelId, known));
    did = "reposted";
  }
  const posted = await channel.postFrontDoor(communityId, channelId);
  if (!posted.ok) {
    deps.log.warn({ communityId, channelId, error: posted.error }, "front door not posted");
    return fail("POST_FAILED", { error: posted.error });
  }
  const now = deps.clock.now();
  // Another process may have posted at the same moment: the remembered one is the door; ours is the spare.
  const messageId = await deps.store.tx((tx) => tx.claimPlatformRef(communityId, "front_door", channelId, posted.messageId, now));
  deps.log.info({ communityId, channelId, messageId, did }, "front door posted");
  return ok({ channelId, messageId, did, pinned: await pinned(deps, channelId, messageId, communityId) });
}

async function pinned(deps: Deps, channelId: string, messageId: string, communityId: string): Promise<boolean> {
  const r = await deps.programChannel?.pin(communityId, channelId, messageId);
  if (r && !r.ok) deps.log.warn({ communityId, channelId, error: r.error }, "front door not pinned");
  return r?.ok === true;
}

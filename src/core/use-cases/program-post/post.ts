import type { ProgramPost } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "../shared/context.js";
import { composeProgramPost } from "./compose.js";
import { duePostMoment, postPeriod } from "./schedule.js";

/** What came of looking at one community's scheduled post. */
export type DuePostOutcome =
  /** Posted in the channel. */
  | "posted"
  /** Nothing due: posts are off, the moment has not come, or it passed too long ago. */
  | "not_due"
  /** Posted already (or being posted by another process) for this moment. */
  | "done"
  /** The platform refused; the next look retries within the grace period. */
  | "failed";

/**
 * Posts a community's program post if one is due. The moment is claimed first (platform ref
 * `program_post`, key the moment), so of several processes exactly one posts; a post the
 * platform refused gives the claim back, so a later look tries again while the moment is fresh.
 */
export async function postDueProgramPost(deps: Deps, communityId: string): Promise<DuePostOutcome> {
  const channel = deps.programChannel;
  if (!channel) return "not_due";
  const now = deps.clock.now();
  const due = await deps.store.tx(async (tx) => {
    const c = await tx.getCommunity(communityId);
    if (!c || c.inactiveSince !== undefined || c.settings.programChannelId === null) return null;
    const at = duePostMoment(c.settings, now);
    if (!at) return null;
    const key = at.toISOString();
    const token = `posting:${deps.ids.next("post")}`;
    if ((await tx.claimPlatformRef(communityId, "program_post", key, token, now)) !== token) return "done" as const;
    const { since, until } = postPeriod(c.settings, at);
    return { key, token, channelId: c.settings.programChannelId, post: await composeProgramPost(tx, c, since, until) };
  });
  if (due === null || due === "done") return due ?? "not_due";
  const posted = await sendPost(deps, due.channelId, due.post);
  await deps.store.tx(async (tx) => {
    if (posted === true) await forgetPostFailure(tx, communityId);
    else {
      // Given back, so a later sweep tries again while the moment is fresh; admins see why in `admin post`.
      await tx.dropPlatformRef(communityId, "program_post", due.key, due.token);
      await rememberFailure(tx, communityId, { error: posted, at: now, channelId: due.channelId });
    }
  });
  return posted === true ? "posted" : "failed";
}

/** The last scheduled post the platform refused: why, when, and where. */
export interface PostFailure {
  error: string;
  at: Date;
  channelId: string;
}

const FAILURE_KEY = "last";

/** Forgets the last refused post (a post went out since). */
export async function forgetPostFailure(tx: StoreTx, communityId: string): Promise<void> {
  const held = await tx.getPlatformRef(communityId, "program_post_failed", FAILURE_KEY);
  if (held !== null) await tx.dropPlatformRef(communityId, "program_post_failed", FAILURE_KEY, held);
}

async function rememberFailure(tx: StoreTx, communityId: string, f: PostFailure): Promise<void> {
  await forgetPostFailure(tx, communityId);
  await tx.claimPlatformRef(communityId, "program_post_failed", FAILURE_KEY, JSON.stringify(f), f.at);
}

/** The last refused scheduled post, if the latest attempt failed; null once a post went out. */
export async function lastPostFailure(tx: StoreTx, communityId: string): Promise<PostFailure | null> {
  const held = await tx.getPlatformRef(communityId, "program_post_failed", FAILURE_KEY);
  if (held === null) return null;
  try {
    const v = JSON.parse(held) as { error?: unknown; at?: unknown; channelId?: unknown };
    return typeof v.error === "string" && typeof v.at === "string" && typeof v.channelId === "string"
      ? { error: v.error, at: new Date(v.at), channelId: v.channelId }
      : null;
  } catch {
    return null;
  }
}

/** Posts one program post through the platform, logging the outcome; true when it was posted, else the platform's reason. */
export async function sendPost(deps: Deps, channelId: string, post: ProgramPost, done = "program post posted"): Promise<true | string> {
  const r = await deps.programChannel?.postProgramPost(channelId, post);
  if (!r?.ok) {
    const error = r?.error ?? "no platform";
    deps.log.warn({ communityId: post.communityId, channelId, error }, "program post not posted");
    return error;
  }
  deps.log.info(
    { communityId: post.communityId, channelId, messageId: r.messageId, chats: post.chatsHappened, peers: post.peersMet },
    done,
  );
  return true;
}

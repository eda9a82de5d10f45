import type { ProgramPost } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { asAdmin } from "../admin/guard.js";
import type { Actor, Deps } from "../shared/context.js";
import { composeProgramPost } from "./compose.js";
import { forgetPostFailure, lastPostFailure, type PostFailure, sendPost } from "./post.js";
import { lastPostMoment, nextPostMoment, postPeriod, postsOn } from "./schedule.js";

/** `admin post`: what the next post would say now, where and when it goes; or, with `now`, that it was posted. */
export interface AdminPostValue {
  post: ProgramPost;
  channelId: string | null;
  /** Posts are on (a channel and a cadence); `nextAt` is the next scheduled post. */
  on: boolean;
  everyWeeks: number;
  nextAt: Date | null;
  /** True when `admin post now` posted it. */
  posted: boolean;
  /** The last scheduled post the platform refused, while no post has gone out since. */
  lastFailure: PostFailure | null;
}

export type AdminPostCode =
  /** No program channel is set, so there is nowhere to post. */
  | "NO_CHANNEL"
  /** This surface cannot post in channels. */
  | "NO_PLATFORM"
  /** The platform refused the post (detail `error`). */
  | "POST_FAILED";

/**
 * `admin post` previews the program post as it would read now (since the last scheduled post,
 * or the cadence's weeks when none went out),
 * privately, with where and when the next one goes; `admin post now` also posts it in the
 * program channel at once (the schedule is unchanged).
 */
export async function adminProgramPost(
  deps: Deps,
  cmd: { actor: Actor; now?: boolean },
): Promise<Result<AdminPostValue, AdminPostCode | "NOT_ADMIN">> {
  const at = deps.clock.now();
  const read = await asAdmin<AdminPostValue, never>(deps, cmd.actor, "post", async (tx, community) => {
    const s = community.settings;
    // What the next post would say so far: since the last post that went out on schedule, else the cadence's weeks up to now.
    const last = lastPostMoment(s, at);
    const posted = last !== null && (await tx.getPlatformRef(community.id, "program_post", last.toISOString())) !== null;
    const { since, until } = posted ? { since: last, until: at } : postPeriod(s, at);
    return ok({
      post: await composeProgramPost(tx, community, since, until),
      channelId: s.programChannelId,
      on: postsOn(s),
      everyWeeks: s.programPostEveryWeeks,
      nextAt: nextPostMoment(s, at),
      posted: false,
      lastFailure: await lastPostFailure(tx, community.id),
    });
  });
  if (!read.ok || !cmd.now) return read;
  const v = read.value;
  if (v.channelId === null) return fail("NO_CHANNEL");
  if (!deps.programChannel) return fail("NO_PLATFORM");
  const posted = await sendPost(deps, v.channelId, v.post, "program post posted by an admin");
  if (posted !== true) return fail("POST_FAILED", { error: posted });
  await deps.store.tx((tx) => forgetPostFailure(tx, v.post.communityId));
  return ok({ ...v, posted: true, lastFailure: null });
}

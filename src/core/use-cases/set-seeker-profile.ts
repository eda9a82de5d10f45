import { readTopics, type TopicGuess, type TopicProblem } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { topicWords } from "./shared/topic-words.js";
import type { SeekerProfile } from "../domain/index.js";

export interface SetSeekerProfile {
  actor: Actor;
  /** Free text or a list; normalized to tags with the community's aliases. Left out: the topics stay as they were. */
  interests?: string | readonly string[];
  learn?: string;
  intro?: string;
}

/** Saves what the member is exploring. Setting the same profile twice changes nothing. */
export async function setSeekerProfile(
  deps: Deps,
  cmd: SetSeekerProfile,
): Promise<Result<SeekerProfile & { guesses?: TopicGuess[] }, "TEXT_TOO_LONG" | TopicProblem["code"]>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const learn = (cmd.learn ?? "").trim();
    const intro = (cmd.intro ?? "").trim();
    if (learn.length > 1000 || intro.length > 1000) return fail("TEXT_TOO_LONG", { max: 1000 });
    const read = cmd.interests === undefined ? null : readTopics(cmd.interests, await topicWords(tx, community, cmd.actor.memberId));
    if (read && !read.ok) {
      const { code, ...detail } = read.problem;
      return fail(code, detail);
    }
    const prev = await tx.getSeeker(community.id, cmd.actor.memberId);
    const profile: SeekerProfile = {
      memberId: cmd.actor.memberId,
      communityId: community.id,
      interests: read ? read.tags : (prev?.interests ?? []),
      learn: cmd.learn === undefined ? (prev?.learn ?? "") : learn,
      intro: cmd.intro === undefined ? (prev?.intro ?? "") : intro,
      updatedAt: now,
    };
    await tx.saveSeeker(profile);
    return ok(read && read.guesses.length > 0 ? { ...profile, guesses: read.guesses } : profile);
  });
}

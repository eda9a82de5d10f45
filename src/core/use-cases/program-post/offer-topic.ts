import { normalizeTag, type VolunteerProfile } from "../../domain/index.js";
import { ok, type Result } from "../../result.js";
import { type SetVolunteerCode, setVolunteerProfile } from "../set-volunteer-profile.js";
import type { Actor, Deps } from "../shared/context.js";

/** What one click on *I can help with this* did. */
export interface OfferTopicValue {
  tag: string;
  profile: VolunteerProfile;
  /** `new`: they volunteer for the first time; `added`: the topic joined their topics; `had`: it was there already; `back`: they had stopped and volunteer again. */
  did: "new" | "added" | "had" | "back";
}

/**
 * *I can help with this* under a topic in the weekly post: one click makes the member a
 * volunteer for that topic (the community's default capacity, video), or adds the topic to the
 * topics they volunteer for, or brings back a volunteer who had stopped, with their topics and
 * the new one. Everything else they set before is kept.
 */
export async function offerTopic(deps: Deps, cmd: { actor: Actor; tag: string }): Promise<Result<OfferTopicValue, SetVolunteerCode>> {
  const { prev, aliases } = await deps.store.tx(async (tx) => ({
    prev: await tx.getVolunteer(cmd.actor.communityId, cmd.actor.memberId),
    aliases: (await tx.getCommunity(cmd.actor.communityId))?.settings.tagAliases ?? {},
  }));
  const before = new Set(prev?.expertise ?? []);
  const r = await setVolunteerProfile(deps, { actor: cmd.actor, expertise: [...before, cmd.tag] });
  if (!r.ok) return r;
  const { guesses: _guesses, ...profile } = r.value;
  // The topic as stored: an alias reads as its canonical tag, whether it is new to them or not.
  const named = normalizeTag(cmd.tag, aliases);
  const tag = profile.expertise.includes(named) ? named : (profile.expertise.find((t) => !before.has(t)) ?? named);
  const did = !prev ? "new" : !prev.active ? "back" : before.has(tag) ? "had" : "added";
  return ok({ tag, profile, did });
}

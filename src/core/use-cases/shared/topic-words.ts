import type { Community, TopicVocabulary } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { vocabulary } from "./vocabulary.js";

/**
 * The community's topic words as `memberId` types topics: what the community uses (to group
 * words), what other volunteers offer (a topic outside it gets a "did you mean"), its aliases.
 */
export async function topicWords(tx: StoreTx, community: Community, memberId: string): Promise<TopicVocabulary> {
  return {
    used: await vocabulary(tx, community.id),
    offered: new Set(await tx.listOfferedTags(community.id, memberId)),
    aliases: community.settings.tagAliases,
  };
}

import type { Actor } from "../core/use-cases/index.js";
import type { DiscordMessenger } from "./messenger.js";
import { type MessageBody, NO_MENTIONS, noticeMessage } from "./render.js";

/**
 * Puts the notices a member missed (DMs closed, no pair thread yet) in front of an ephemeral
 * answer; each is taken from the store once, so whichever process answers shows it once.
 * However long, nothing is cut: the answer goes out in as many messages as it needs.
 */
export async function withMissed(messenger: DiscordMessenger, actor: Actor, guildId: string, body: MessageBody): Promise<MessageBody> {
  const { member, missed } = await messenger.takeMissed(actor.communityId, actor.memberId);
  if (!member || missed.length === 0) return body;
  const parts = missed.map((n) => noticeMessage(n, [member], guildId));
  const head = `📬 Your DMs are closed, so here is what I couldn't send you:\n${parts.map((p) => p.content).join("\n\n")}\n\n`;
  return {
    content: head + body.content,
    components: [...parts.flatMap((p) => p.components), ...body.components].slice(0, 5),
    allowed_mentions: NO_MENTIONS,
  };
}

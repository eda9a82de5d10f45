import { DiscordAPIError, type REST } from "discord.js";
import { Routes } from "discord-api-types/v10";
import type { ChannelEditOutcome, ChannelPostOutcome, ProgramChannel } from "../core/ports/index.js";
import type { ProgramPost } from "../core/domain/index.js";
import { clip, frontDoorActions, frontDoorText, programPostActions, programPostText } from "../text/index.js";
import { guildIdOf } from "./ids.js";
import { outcomeOf } from "./messenger.js";
import { actionRows, DISCORD_LIMITS, type MessageBody, NO_MENTIONS } from "./render.js";
import { discordStyle } from "./style.js";

/** "Unknown Message" and "Unknown Channel": the door (or its channel) was deleted. */
const GONE = new Set([10008, 10003]);

const errorOf = (e: unknown): string => {
  const out = outcomeOf(e);
  return out.ok ? "" : out.error;
};

const edited = (e: unknown): ChannelEditOutcome => ({
  ok: false,
  error: errorOf(e),
  gone: e instanceof DiscordAPIError && typeof e.code === "number" && GONE.has(e.code),
});

/**
 * The program channel on Discord, over REST (no privileged intent, no gateway event needed):
 * the front door is a message with one button per choice (custom_id: the guild and the `door`
 * command), posted in the channel, edited in place and pinned (the bot needs Send Messages and
 * Manage Messages there). Its id is the message id.
 */
export class DiscordProgramChannel implements ProgramChannel {
  constructor(private readonly rest: REST) {}

  async postFrontDoor(communityId: string, channelId: string): Promise<ChannelPostOutcome> {
    const body = this.message(communityId);
    if (!body) return { ok: false, error: `not a Discord community: ${communityId}` };
    try {
      const m = (await this.rest.post(Routes.channelMessages(channelId), { body })) as { id?: unknown };
      return typeof m.id === "string" ? { ok: true, messageId: m.id } : { ok: false, error: "no message id in the answer" };
    } catch (e) {
      return { ok: false, error: errorOf(e) };
    }
  }

  async updateFrontDoor(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    const body = this.message(communityId);
    if (!body) return { ok: false, error: `not a Discord community: ${communityId}`, gone: false };
    try {
      await this.rest.patch(Routes.channelMessage(channelId, messageId), { body });
      return { ok: true };
    } catch (e) {
      return edited(e);
    }
  }

  async pin(_communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    try {
      await this.rest.put(Routes.channelPin(channelId, messageId));
      return { ok: true };
    } catch (e) {
      return edited(e);
    }
  }

  async postProgramPost(channelId: string, post: ProgramPost): Promise<ChannelPostOutcome> {
    const guildId = guildIdOf(post.communityId);
    if (!guildId) return { ok: false, error: `not a Discord community: ${post.communityId}` };
    const body: MessageBody = {
      content: clip(programPostText(post, discordStyle), DISCORD_LIMITS.content),
      components: actionRows(programPostActions(post), guildId),
      allowed_mentions: NO_MENTIONS,
    };
    try {
      const m = (await this.rest.post(Routes.channelMessages(channelId), { body })) as { id?: unknown };
      return typeof m.id === "string" ? { ok: true, messageId: m.id } : { ok: false, error: "no message id in the answer" };
    } catch (e) {
      return { ok: false, error: errorOf(e) };
    }
  }

  /** The door as a Discord message for the community's guild; null for a community that is not Discord's. */
  private message(communityId: string): MessageBody | null {
    const guildId = guildIdOf(communityId);
    if (!guildId) return null;
    return { content: frontDoorText(), components: actionRows(frontDoorActions(), guildId), allowed_mentions: NO_MENTIONS };
  }
}

import type { ChannelEditOutcome, ChannelPostOutcome, ProgramChannel } from "../core/ports/index.js";
import type { ProgramPost } from "../core/domain/index.js";
import { frontDoorActions, frontDoorText, programPostActions, programPostText } from "../text/index.js";
import { fallbackText, messageBlocks } from "./blocks.js";
import type { ClientsFor } from "./install/clients.js";
import { outcomeOf } from "./messenger.js";
import { slackStyle } from "./style.js";

/** Slack's answers meaning the message is no longer there to update or pin. */
const GONE = new Set(["message_not_found", "cant_update_message", "channel_not_found", "is_archived"]);

/** The workspace of a Slack community id (`slack:T…`), or null. */
const teamOf = (communityId: string): string | null => /^slack:([A-Z0-9]+)$/i.exec(communityId)?.[1] ?? null;

const edited = (e: unknown): ChannelEditOutcome => {
  const out = outcomeOf(e);
  return { ok: false, error: out.error, gone: GONE.has(out.error) };
};

/**
 * The program channel on Slack: the front door is a Block Kit message (the words of
 * src/text/front-door.ts, one button per choice), posted with chat.postMessage, re-drawn with
 * chat.update and pinned with pins.add (scopes chat:write, pins:write; the bot must be in the
 * channel). Its id is the message's ts.
 */
export class SlackProgramChannel implements ProgramChannel {
  constructor(private readonly clients: ClientsFor) {}

  async postFrontDoor(communityId: string, channelId: string): Promise<ChannelPostOutcome> {
    const teamId = teamOf(communityId);
    if (!teamId) return { ok: false, error: `not a Slack community: ${communityId}` };
    try {
      const { client } = await this.clients(teamId);
      const r = await client.chat.postMessage({ channel: channelId, ...this.message() });
      return typeof r.ts === "string" ? { ok: true, messageId: r.ts } : { ok: false, error: "no ts in the answer" };
    } catch (e) {
      return { ok: false, error: outcomeOf(e).error };
    }
  }

  async updateFrontDoor(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    const teamId = teamOf(communityId);
    if (!teamId) return { ok: false, error: `not a Slack community: ${communityId}`, gone: false };
    try {
      const { client } = await this.clients(teamId);
      await client.chat.update({ channel: channelId, ts: messageId, ...this.message() });
      return { ok: true };
    } catch (e) {
      return edited(e);
    }
  }

  async pin(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    const teamId = teamOf(communityId);
    if (!teamId) return { ok: false, error: `not a Slack community: ${communityId}`, gone: false };
    try {
      const { client } = await this.clients(teamId);
      await client.pins.add({ channel: channelId, timestamp: messageId });
      return { ok: true };
    } catch (e) {
      const out = edited(e);
      return !out.ok && out.error === "already_pinned" ? { ok: true } : out;
    }
  }

  async postProgramPost(channelId: string, post: ProgramPost): Promise<ChannelPostOutcome> {
    const teamId = teamOf(post.communityId);
    if (!teamId) return { ok: false, error: `not a Slack community: ${post.communityId}` };
    const text = programPostText(post, slackStyle);
    try {
      const { client } = await this.clients(teamId);
      const r = await client.chat.postMessage({
        channel: channelId,
        text: fallbackText(text),
        blocks: messageBlocks(text, programPostActions(post)),
        unfurl_links: false,
      });
      return typeof r.ts === "string" ? { ok: true, messageId: r.ts } : { ok: false, error: "no ts in the answer" };
    } catch (e) {
      return { ok: false, error: outcomeOf(e).error };
    }
  }

  private message(): { text: string; blocks: ReturnType<typeof messageBlocks> } {
    const text = frontDoorText();
    return { text: fallbackText(text), blocks: messageBlocks(text, frontDoorActions()) };
  }
}

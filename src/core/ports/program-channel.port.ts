import type { ProgramPost } from "../domain/index.js";

/** What came of asking the platform to post the front door. */
export type ChannelPostOutcome =
  | { ok: true; messageId: string }
  /** `error`: the platform's reason (e.g. `not_in_channel`, `Missing Access`), for the admin and the log. */
  | { ok: false; error: string };

/** What came of re-drawing (or pinning) a posted front door; `gone` when the message no longer exists. */
export type ChannelEditOutcome = { ok: true } | { ok: false; error: string; gone: boolean };

/**
 * The community's program channel as a platform shows it: the front door, the one message
 * Percolate keeps there ("Coffee chats here" and its four buttons). The adapter draws it from
 * src/text in its own style; the core only says where, and keeps the message id (platform ref
 * `front_door`, key the channel id) so the message is updated, never posted twice. Calls are
 * made outside any store transaction; each resolves with an outcome and rejects only on a bug.
 */
export interface ProgramChannel {
  /** Posts the front door in `channelId` and resolves with the new message's id. */
  postFrontDoor(communityId: string, channelId: string): Promise<ChannelPostOutcome>;
  /** Re-draws an earlier front door in place (current words and buttons); `gone` when it was deleted. */
  updateFrontDoor(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome>;
  /** Pins the message in its channel; a message pinned already counts as success. */
  pin(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome>;
  /**
   * Posts the weekly program post in `channelId` (a new message each time, not pinned), drawn
   * from src/text/program-post.ts with its buttons (*I can help with …*, *Pair me with peers*).
   */
  postProgramPost(channelId: string, post: ProgramPost): Promise<ChannelPostOutcome>;
}

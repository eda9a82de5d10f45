import type { ChannelEditOutcome, ChannelPostOutcome, ProgramChannel } from "../core/ports/index.js";
import type { ProgramPost } from "../core/domain/index.js";
import { frontDoorTyped, programPostActions, programPostText, shellStyle } from "../text/index.js";
import type { Action } from "../text/index.js";

/** What to type in the shell for a post's button. */
const typedAction = (a: Action): string | null =>
  a.command.kind === "offer_topic" ? `offer ${a.command.tag}` : a.command.kind === "rounds_join" ? "rounds join" : null;

/**
 * The shell's program channel: there are no channels here, so "posting" the front door prints
 * it, each button shown with the command that does the same when typed. Messages are numbered,
 * so the core's bookkeeping (update, never duplicate) works as on the platforms.
 */
export class ShellProgramChannel implements ProgramChannel {
  private readonly posted = new Set<string>();
  private posts = 0;
  constructor(private readonly write: (text: string) => void) {}

  async postFrontDoor(_communityId: string, channelId: string): Promise<ChannelPostOutcome> {
    const id = `door-${this.posted.size + 1}`;
    this.posted.add(id);
    this.print(`📌 Posted in #${channelId}`);
    return { ok: true, messageId: id };
  }

  async updateFrontDoor(_communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    if (!this.posted.has(messageId)) return { ok: false, error: "message_not_found", gone: true };
    this.print(`📌 The front door in #${channelId} reads`);
    return { ok: true };
  }

  async pin(_communityId: string, _channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    return this.posted.has(messageId) ? { ok: true } : { ok: false, error: "message_not_found", gone: true };
  }

  async postProgramPost(channelId: string, post: ProgramPost): Promise<ChannelPostOutcome> {
    const id = `post-${++this.posts}`;
    const buttons = programPostActions(post).flatMap((a) => {
      const typed = typedAction(a);
      return typed ? [`  • ${a.label}: ${typed}`] : [];
    });
    this.write(`📣 Posted in #${channelId}:\n   ${[programPostText(post, shellStyle), ...buttons].join("\n").replace(/\n/g, "\n   ")}`);
    return { ok: true, messageId: id };
  }

  private print(heading: string): void {
    this.write(`${heading}:\n   ${frontDoorTyped(shellStyle).replace(/\n/g, "\n   ")}`);
  }
}

import { FakeGateway, type FakeGuild } from "./gateway.js";
import { commandPayload, componentPayload, modalPayload, type FakeUser, type OptionValue } from "./interactions.js";
import { FakeDiscordRest, type FakeMessage, type InteractionAnswer } from "./rest.js";

export { FakeDiscordRest, FakeGateway };
export type { FakeGuild, FakeMessage, FakeUser, InteractionAnswer, OptionValue };

export const BOT_USER_ID = "700000000000000001";
export const APPLICATION_ID = "700000000000000002";

/** Answers that end an interaction from the user's point of view (not a bare defer). */
const FINAL = new Set<InteractionAnswer["type"]>([4, 7, 8, 9, "edit", "followup"]);

/**
 * Discord on loopback: REST and gateway together, with helpers that act as a person
 * (type a slash command, click a button, submit a modal) and wait for the bot's answer.
 */
export class FakeDiscord {
  readonly rest = new FakeDiscordRest(APPLICATION_ID);
  readonly gateway: FakeGateway;
  apiUrl = "";

  constructor(guilds: FakeGuild[]) {
    this.gateway = new FakeGateway({ id: BOT_USER_ID, applicationId: APPLICATION_ID }, guilds);
    for (const g of guilds) for (const c of g.channels) this.rest.addChannel({ id: c.id, type: 0, name: c.name, guild_id: g.id });
  }

  async start(): Promise<string> {
    this.rest.gatewayUrl = await this.gateway.start();
    this.apiUrl = await this.rest.start();
    return this.apiUrl;
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await this.rest.stop();
  }

  /** The bot is added to a server (its channels become known to REST). */
  joinGuild(g: FakeGuild): void {
    for (const c of g.channels) this.rest.addChannel({ id: c.id, type: 0, name: c.name, guild_id: g.id });
    this.gateway.join(g);
  }

  /** The bot is removed from a server. */
  leaveGuild(guildId: string): void {
    this.gateway.leave(guildId);
  }

  /** Dispatches an interaction payload as-is (send the same one twice to replay it); returns its id. */
  send(payload: Record<string, unknown>): string {
    this.gateway.dispatch("INTERACTION_CREATE", payload);
    return String(payload.id);
  }

  commandPayload(guildId: string, user: FakeUser, sub: string, opts: Record<string, OptionValue> = {}, focused?: string) {
    return commandPayload({ applicationId: APPLICATION_ID, guildId, channelId: this.channelOf(guildId), user }, sub, opts, focused);
  }

  /** `/coffee <sub>` typed by `user` in `guildId`; resolves with the bot's final answer. */
  async command(guildId: string, user: FakeUser, sub: string, opts: Record<string, OptionValue> = {}): Promise<InteractionAnswer> {
    return this.answer(this.send(this.commandPayload(guildId, user, sub, opts)));
  }

  /** Autocomplete for one option; resolves with the offered choices. */
  async autocomplete(
    guildId: string,
    user: FakeUser,
    sub: string,
    opts: Record<string, OptionValue>,
    focused: string,
  ): Promise<{ name: string; value: string }[]> {
    const a = await this.answer(this.send(this.commandPayload(guildId, user, sub, opts, focused)));
    return (a.data.choices ?? []) as { name: string; value: string }[];
  }

  /** Clicks the button with `customId` (or picks `values` in a select) on a message the bot sent. */
  clickPayload(
    user: FakeUser,
    message: FakeMessage | { id: string; channel_id: string; content: string; components: unknown[] },
    customId: string,
    opts: { guildId?: string; values?: string[] } = {},
  ) {
    return componentPayload(
      { applicationId: APPLICATION_ID, guildId: opts.guildId ?? null, channelId: message.channel_id, user },
      message,
      customId,
      opts.values,
    );
  }

  async click(
    user: FakeUser,
    message: FakeMessage,
    customId: string,
    opts: { guildId?: string; values?: string[] } = {},
  ): Promise<InteractionAnswer> {
    return this.answer(this.send(this.clickPayload(user, message, customId, opts)));
  }

  async submitModal(guildId: string, user: FakeUser, customId: string, fields: Record<string, string>): Promise<InteractionAnswer> {
    return this.answer(
      this.send(modalPayload({ applicationId: APPLICATION_ID, guildId, channelId: this.channelOf(guildId), user }, customId, fields)),
    );
  }

  /** Waits for the bot's final answer to one interaction. */
  async answer(interactionId: string, timeoutMs = 5_000): Promise<InteractionAnswer> {
    return waitFor(
      () =>
        this.rest
          .answersTo(interactionId)
          .filter((a) => FINAL.has(a.type))
          .at(-1),
      timeoutMs,
      `an answer to interaction ${interactionId}`,
    );
  }

  private channelOf(guildId: string): string {
    return this.gateway.guilds.find((g) => g.id === guildId)?.channels[0]?.id ?? "1";
  }
}

/** Polls until `probe` returns a value, or fails naming what it waited for. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5_000,
  what = "a condition",
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

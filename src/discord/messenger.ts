import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, type REST } from "discord.js";
import { ChannelType, Routes, ThreadAutoArchiveDuration } from "discord-api-types/v10";
import type { Member, Notice } from "../core/domain/index.js";
import type { Delivery, Logger, Messenger, SendOutcome, Store } from "../core/ports/index.js";
import { guildIdOf, userIdOf } from "./ids.js";
import { noticeMessage, type MessageBody } from "./render.js";

/** Discord's "Cannot send messages to this user": the member closed their DMs or blocked the bot. */
const DMS_CLOSED = 50007;

/** A nonce for `enforce_nonce`: ≤ 25 characters, the same for every retry of one delivery. */
export const nonceOf = (key: string): string => createHash("sha256").update(key).digest("base64url").slice(0, 25);

/** Which notices concern a chat, so a pair thread can stand in for a closed DM. */
const chatIdOf = (n: Notice): string | null => ("chatId" in n ? n.chatId : null);

export interface DiscordMessengerOptions {
  rest: REST;
  store: Store;
  log: Logger;
  /** The channel where a guild's pair threads are opened, or null when it has none. */
  pairChannel: (guildId: string) => string | null | Promise<string | null>;
}

/** What the messenger counts, for logs and tests. */
export interface DiscordMessengerStats {
  sent: number;
  /** DMs refused because the member closed them (each refusal counted). */
  dmClosed: number;
  /** Of those, the ones delivered in the pair's thread instead. */
  fallbacks: number;
  threadsOpened: number;
}

/**
 * The Messenger port over Discord REST. A one-member delivery is a DM; a pair delivery is a
 * message in the pair's private thread (opened on first use in the guild's pair channel, both
 * members added, the .ics attached to the confirmation). Every post carries a nonce derived
 * from the delivery key with `enforce_nonce`, so Discord itself drops a retried duplicate.
 * discord.js's REST queues per route and waits out 429s; 5xx it retries, then so does the outbox.
 */
export class DiscordMessenger implements Messenger {
  readonly stats: DiscordMessengerStats = { sent: 0, dmClosed: 0, fallbacks: 0, threadsOpened: 0 };
  private readonly dmChannels = new Map<string, Promise<string>>();
  private readonly threads = new Map<string, Promise<string>>();
  private readonly missed = new Map<string, Notice[]>();

  constructor(private readonly o: DiscordMessengerOptions) {}

  async send(d: Delivery): Promise<SendOutcome> {
    const guildId = guildIdOf(d.communityId);
    if (!guildId) return { ok: false, permanent: true, error: `${d.communityId} is not a Discord community` };
    try {
      const chatId = chatIdOf(d.notice);
      if (d.to.length > 1 && chatId) await this.toThread(d, guildId, chatId, d.to);
      else for (const m of d.to) await this.toMember(d, guildId, m);
      return { ok: true };
    } catch (e) {
      return outcomeOf(e);
    }
  }

  /** Notices a member missed because their DMs were closed and no pair thread could stand in; taken once. */
  takeMissed(memberId: string): Notice[] {
    const out = this.missed.get(memberId) ?? [];
    this.missed.delete(memberId);
    return out;
  }

  private async toMember(d: Delivery, guildId: string, m: Member): Promise<void> {
    const userId = userIdOf(m.id);
    if (!userId) throw new PermanentError(`${m.id} is not a Discord member`);
    const channel = await this.dmChannel(userId);
    try {
      await this.post(channel, noticeMessage(d.notice, [m], guildId), nonceOf(d.key));
    } catch (e) {
      if (!(e instanceof DiscordAPIError && e.code === DMS_CLOSED)) throw e;
      this.stats.dmClosed++;
      const chatId = chatIdOf(d.notice);
      const chat = chatId ? await this.o.store.tx((tx) => tx.getChat(d.communityId, chatId)) : null;
      if (!chatId || !chat) {
        this.missed.set(m.id, [...(this.missed.get(m.id) ?? []), d.notice].slice(-5));
        throw new PermanentError(`DMs closed by ${m.id}; kept for their next interaction`);
      }
      const pair = await this.o.store.tx(async (tx) => [
        await tx.getMember(d.communityId, chat.seekerId),
        await tx.getMember(d.communityId, chat.volunteerId),
      ]);
      const both = pair.filter((x): x is Member => x !== null);
      const thread = await this.thread(guildId, chatId, both);
      await this.post(thread, noticeMessage(d.notice, [m], guildId, [userId]), nonceOf(`${d.key}#thread`));
      this.stats.fallbacks++;
    }
  }

  private async toThread(d: Delivery, guildId: string, chatId: string, pair: readonly Member[]): Promise<void> {
    const thread = await this.thread(guildId, chatId, pair);
    const users = pair.map((m) => userIdOf(m.id)).filter((u): u is string => u !== null);
    const files =
      d.notice.kind === "chat_scheduled"
        ? [{ name: "coffee-chat.ics", data: Buffer.from(d.notice.ics, "utf8"), contentType: "text/calendar" }]
        : [];
    await this.post(thread, noticeMessage(d.notice, pair, guildId, users), nonceOf(d.key), files);
  }

  private dmChannel(userId: string): Promise<string> {
    let p = this.dmChannels.get(userId);
    if (!p) {
      p = (this.o.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }) as Promise<{ id: string }>).then((c) => c.id);
      p.catch(() => this.dmChannels.delete(userId));
      this.dmChannels.set(userId, p);
    }
    return p;
  }

  /** The pair's thread: remembered, else found among the guild's active threads by chat id, else opened. */
  private thread(guildId: string, chatId: string, pair: readonly Member[]): Promise<string> {
    const key = `${guildId}/${chatId}`;
    let p = this.threads.get(key);
    if (!p) {
      p = this.openThread(guildId, chatId, pair);
      p.catch(() => this.threads.delete(key));
      this.threads.set(key, p);
    }
    return p;
  }

  private async openThread(guildId: string, chatId: string, pair: readonly Member[]): Promise<string> {
    const suffix = `· ${chatId}`;
    const active = (await this.o.rest.get(Routes.guildActiveThreads(guildId))) as { threads: { id: string; name: string }[] };
    const found = active.threads.find((t) => t.name.endsWith(suffix));
    if (found) return found.id;
    const parent = await this.o.pairChannel(guildId);
    if (!parent) throw new PermanentError(`guild ${guildId} has no pair channel configured for chat threads`);
    const name = `${`☕ ${pair.map((m) => m.displayName).join(" & ")}`.slice(0, 95 - suffix.length)} ${suffix}`;
    const t = (await this.o.rest.post(Routes.threads(parent), {
      body: { name, type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
    })) as { id: string };
    for (const m of pair) {
      const u = userIdOf(m.id);
      if (u) await this.o.rest.put(Routes.threadMembers(t.id, u));
    }
    this.stats.threadsOpened++;
    return t.id;
  }

  private async post(
    channelId: string,
    msg: MessageBody,
    nonce: string,
    files: { name: string; data: Buffer; contentType: string }[] = [],
  ): Promise<void> {
    const body = {
      ...msg,
      nonce,
      enforce_nonce: true,
      ...(files.length ? { attachments: files.map((f, i) => ({ id: i, filename: f.name })) } : {}),
    };
    await this.o.rest.post(Routes.channelMessages(channelId), { body, ...(files.length ? { files } : {}) });
    this.stats.sent++;
  }
}

class PermanentError extends Error {}

/** A REST failure as the outbox needs it: wait (rate limit), retry (5xx, network) or give up (4xx). */
export function outcomeOf(e: unknown): SendOutcome {
  const error = e instanceof Error ? e.message : String(e);
  if (e instanceof PermanentError) return { ok: false, permanent: true, error };
  if (e instanceof RateLimitError) return { ok: false, error, retryAfterMs: e.retryAfter };
  if (e instanceof DiscordAPIError) {
    if (e.status === 429) return { ok: false, error, retryAfterMs: 1_000 };
    if (e.status >= 500) return { ok: false, error };
    return { ok: false, permanent: true, error: `Discord ${e.status} (${String(e.code)}): ${error}` };
  }
  if (e instanceof HTTPError) return { ok: false, error: `Discord ${e.status}: ${error}` };
  return { ok: false, error };
}

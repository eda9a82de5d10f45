import { calendarFileOf } from "../app/calendar-file.js";
import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, type REST } from "discord.js";
import { ChannelType, Routes, ThreadAutoArchiveDuration } from "discord-api-types/v10";
import type { Member, Notice } from "../core/domain/index.js";
import { type Clock, type Delivery, type Logger, type Messenger, noticesOf, type SendOutcome, type Store } from "../core/ports/index.js";
import { guildIdOf, userIdOf } from "./ids.js";
import { messageParts, noticeMessage, noticesMessage, type MessageBody, threadName } from "./render.js";
import { BoundedMap } from "../app/bounded-map.js";

/** Discord's "Cannot send messages to this user": the member closed their DMs or blocked the bot. */
const DMS_CLOSED = 50007;
/** "Thread is archived": unarchive, then post. */
const THREAD_ARCHIVED = 50083;
/** "Unknown Channel": the thread was deleted. */
const UNKNOWN_CHANNEL = 10003;

/** A nonce for `enforce_nonce`: ≤ 25 characters, the same for every retry of one delivery. */
export const nonceOf = (key: string): string => createHash("sha256").update(key).digest("base64url").slice(0, 25);

/** A file a post carries (the .ics). */
type Attachment = { name: string; data: Buffer; contentType: string };

/** Which notices concern a chat, so a pair thread can stand in for a closed DM. */
const chatIdOf = (n: Notice): string | null => ("chatId" in n ? n.chatId : null);

/** What a shared notice's thread belongs to: the pair's chat, or a peer round's group (two or three members). */
const threadIdOf = (n: Notice): string | null => chatIdOf(n) ?? ("groupId" in n ? n.groupId : null);

export interface DiscordMessengerOptions {
  rest: REST;
  store: Store;
  log: Logger;
  /** The channel where a guild's pair threads are opened, or null when it has none. */
  pairChannel: (guildId: string) => string | null | Promise<string | null>;
  /** Dates what the messenger records (kept notices, refs); the wall clock by default. */
  clock?: Clock;
}

/** What the messenger counts, for logs and tests. */
export interface DiscordMessengerStats {
  sent: number;
  /** DMs refused because the member closed them (each refusal counted). */
  dmClosed: number;
  /** Of those, the ones delivered in the pair's thread instead. */
  fallbacks: number;
  threadsOpened: number;
  /** Archived pair threads opened again to post in them. */
  threadsReopened: number;
}

/** How many kept notices one answer shows; the rest wait for the member's next command. */
export const KEPT_PER_ANSWER = 5;

/**
 * The Messenger port over Discord REST. A one-member delivery is a DM; a pair delivery is a
 * message in the pair's private thread (opened on first use in the guild's pair channel, both
 * members added, the .ics attached to the confirmation). Every post carries a nonce derived
 * from the delivery key with `enforce_nonce`, so Discord itself drops a retried duplicate.
 * discord.js's REST queues per route and waits out 429s; 5xx it retries, then so does the outbox.
 *
 * DM channels and pair threads are remembered in the store (shared by every process, kept
 * across restarts); an archived thread is opened again rather than replaced, and a thread
 * deleted on Discord is replaced. A notice for a member whose DMs are closed, with no pair
 * thread to stand in, is kept in the store until their next command shows it.
 */
/** How many DM channels and pair threads a process keeps in memory at once. */
const CACHED_REFS = 20_000;

export class DiscordMessenger implements Messenger {
  readonly stats: DiscordMessengerStats = { sent: 0, dmClosed: 0, fallbacks: 0, threadsOpened: 0, threadsReopened: 0 };
  /** Bounded: the store remembers every one, so a dropped entry costs one read. */
  private readonly dmChannels = new BoundedMap<string, Promise<string>>(CACHED_REFS);
  private readonly threads = new BoundedMap<string, Promise<string>>(CACHED_REFS);

  constructor(private readonly o: DiscordMessengerOptions) {}

  private now(): Date {
    return this.o.clock?.now() ?? new Date();
  }

  async send(d: Delivery): Promise<SendOutcome> {
    const guildId = guildIdOf(d.communityId);
    if (!guildId) return { ok: false, permanent: true, error: `${d.communityId} is not a Discord community` };
    try {
      const threadId = threadIdOf(d.notice);
      if (d.to.length > 1 && threadId) await this.toThread(d, guildId, threadId, d.to);
      else for (const m of d.to) await this.toMember(d, guildId, m);
      return { ok: true };
    } catch (e) {
      return outcomeOf(e);
    }
  }

  /**
   * Notices a member missed because their DMs were closed and no pair thread could stand in,
   * oldest first, at most KEPT_PER_ANSWER, with the member to word them for; each is taken
   * once, whichever process asks.
   */
  async takeMissed(communityId: string, memberId: string): Promise<{ member: Member | null; missed: Notice[] }> {
    return this.o.store.tx(async (tx) => {
      const member = await tx.getMember(communityId, memberId);
      if (!member) return { member, missed: [] };
      const kept = await tx.takeKeptNotices(communityId, memberId, KEPT_PER_ANSWER);
      return { member, missed: kept.map((k) => k.notice) };
    });
  }

  private async toMember(d: Delivery, guildId: string, m: Member): Promise<void> {
    const userId = userIdOf(m.id);
    if (!userId) throw new PermanentError(`${m.id} is not a Discord member`);
    const channel = await this.dmChannel(d.communityId, m.id, userId);
    const parts = noticesOf(d);
    try {
      // Notices due together are one message; parts that cannot share one go one by one, each
      // with its own nonce, so a retry still never duplicates.
      const combined = noticesMessage(parts, [m], guildId);
      if (combined) await this.post(channel, combined, nonceOf(d.key), parts.flatMap(filesOf));
      else
        for (const [i, n] of parts.entries())
          await this.post(channel, noticeMessage(n, [m], guildId), nonceOf(`${d.key}#${i}`), filesOf(n));
    } catch (e) {
      if (!(e instanceof DiscordAPIError && e.code === DMS_CLOSED)) throw e;
      this.stats.dmClosed++;
      let kept = false;
      for (const [i, n] of parts.entries()) {
        const chatId = chatIdOf(n);
        const chat = chatId ? await this.o.store.tx((tx) => tx.getChat(d.communityId, chatId)) : null;
        if (!chatId || !chat) {
          const at = this.now();
          const key = parts.length === 1 ? d.key : `${d.key}#${i}`;
          await this.o.store.tx((tx) => tx.keepNotice({ communityId: d.communityId, memberId: m.id, key, notice: n, createdAt: at }));
          kept = true;
          continue;
        }
        const pair = await this.o.store.tx(async (tx) => [
          await tx.getMember(d.communityId, chat.seekerId),
          await tx.getMember(d.communityId, chat.volunteerId),
        ]);
        const both = pair.filter((x): x is Member => x !== null);
        const nonce = parts.length === 1 ? `${d.key}#thread` : `${d.key}#thread#${i}`;
        await this.postInThread(d.communityId, guildId, chatId, both, noticeMessage(n, [m], guildId, [userId]), nonceOf(nonce), filesOf(n));
        this.stats.fallbacks++;
      }
      if (kept) throw new PermanentError(`DMs closed by ${m.id}; kept for their next interaction`);
    }
  }

  private async toThread(d: Delivery, guildId: string, chatId: string, pair: readonly Member[]): Promise<void> {
    const users = pair.map((m) => userIdOf(m.id)).filter((u): u is string => u !== null);
    await this.postInThread(
      d.communityId,
      guildId,
      chatId,
      pair,
      noticeMessage(d.notice, pair, guildId, users),
      nonceOf(d.key),
      filesOf(d.notice),
    );
  }

  /**
   * Posts in the pair's thread. An archived thread is unarchived and the post retried; a thread
   * deleted on Discord is forgotten and a new one opened.
   */
  private async postInThread(
    communityId: string,
    guildId: string,
    chatId: string,
    pair: readonly Member[],
    msg: MessageBody,
    nonce: string,
    files: Attachment[] = [],
  ): Promise<void> {
    const thread = await this.thread(communityId, guildId, chatId, pair);
    try {
      await this.post(thread, msg, nonce, files);
    } catch (e) {
      if (!(e instanceof DiscordAPIError)) throw e;
      if (e.code === THREAD_ARCHIVED) {
        await this.o.rest.patch(Routes.channel(thread), { body: { archived: false } });
        this.stats.threadsReopened++;
        return void (await this.post(thread, msg, nonce, files));
      }
      if (e.code !== UNKNOWN_CHANNEL) throw e;
      this.threads.delete(`${communityId}/${chatId}`);
      await this.o.store.tx((tx) => tx.dropPlatformRef(communityId, "pair_thread", chatId, thread));
      await this.post(await this.thread(communityId, guildId, chatId, pair), msg, nonce, files);
    }
  }

  /** The member's DM channel: known in this process, else remembered in the store, else opened and remembered. */
  private dmChannel(communityId: string, memberId: string, userId: string): Promise<string> {
    const key = `${communityId}/${memberId}`;
    let p = this.dmChannels.get(key);
    if (!p) {
      p = (async () => {
        const known = await this.o.store.tx((tx) => tx.getPlatformRef(communityId, "dm_channel", memberId));
        if (known) return known;
        const c = (await this.o.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        const at = this.now();
        return this.o.store.tx((tx) => tx.claimPlatformRef(communityId, "dm_channel", memberId, c.id, at));
      })();
      p.catch(() => this.dmChannels.delete(key));
      this.dmChannels.set(key, p);
    }
    return p;
  }

  /** The pair's thread: known in this process, else remembered in the store, else opened and remembered. */
  private thread(communityId: string, guildId: string, chatId: string, pair: readonly Member[]): Promise<string> {
    const key = `${communityId}/${chatId}`;
    let p = this.threads.get(key);
    if (!p) {
      p = (async () => {
        const known = await this.o.store.tx((tx) => tx.getPlatformRef(communityId, "pair_thread", chatId));
        return known ?? (await this.openThread(communityId, guildId, chatId, pair));
      })();
      p.catch(() => this.threads.delete(key));
      this.threads.set(key, p);
    }
    return p;
  }

  /**
   * Opens the pair's thread, named after the two people, adds both, and remembers it. Should
   * another process have opened one for the same chat meanwhile, theirs is kept and this one
   * deleted. A thread opened before threads were remembered (its name ends with "· <chat id>")
   * is found among the guild's active threads and adopted.
   */
  private async openThread(communityId: string, guildId: string, chatId: string, pair: readonly Member[]): Promise<string> {
    const legacy = `· ${chatId}`;
    const active = (await this.o.rest.get(Routes.guildActiveThreads(guildId))) as { threads: { id: string; name: string }[] };
    const found = active.threads.find((t) => t.name.endsWith(legacy));
    if (found) return this.o.store.tx((tx) => tx.claimPlatformRef(communityId, "pair_thread", chatId, found.id, this.now()));
    const parent = await this.o.pairChannel(guildId);
    if (!parent) throw new PermanentError(`guild ${guildId} has no pair channel configured for chat threads`);
    const t = (await this.o.rest.post(Routes.threads(parent), {
      body: {
        name: threadName(pair),
        type: ChannelType.PrivateThread,
        invitable: false,
        auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
      },
    })) as { id: string };
    const at = this.now();
    const held = await this.o.store.tx((tx) => tx.claimPlatformRef(communityId, "pair_thread", chatId, t.id, at));
    if (held !== t.id) {
      await this.o.rest.delete(Routes.channel(t.id)).catch((e: unknown) => {
        this.o.log.warn({ thread: t.id, err: e instanceof Error ? e.message : String(e) }, "could not delete a duplicate pair thread");
      });
      return held;
    }
    for (const m of pair) {
      const u = userIdOf(m.id);
      if (u) await this.o.rest.put(Routes.threadMembers(t.id, u));
    }
    this.stats.threadsOpened++;
    return t.id;
  }

  /** Posts a message, in parts past 2,000 characters (components and files on the last), each with its own nonce. */
  private async post(channelId: string, msg: MessageBody, nonce: string, files: Attachment[] = []): Promise<void> {
    const parts = messageParts(msg);
    for (const [n, part] of parts.entries()) {
      const carried = n === parts.length - 1 ? files : [];
      const attachments = carried.length ? { attachments: carried.map((f, i) => ({ id: i, filename: f.name })) } : {};
      const body = { ...part, nonce: n === 0 ? nonce : nonceOf(`${nonce}#${n}`), enforce_nonce: true, ...attachments };
      await this.o.rest.post(Routes.channelMessages(channelId), { body, ...(carried.length ? { files: carried } : {}) });
    }
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

/** The .ics a notice carries, as a Discord attachment. */
function filesOf(n: Notice): Attachment[] {
  const file = calendarFileOf(n);
  return file ? [{ name: file.filename, data: Buffer.from(file.content, "utf8"), contentType: "text/calendar" }] : [];
}

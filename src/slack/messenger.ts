import { calendarFileOf } from "../app/calendar-file.js";
import type { Member, Notice } from "../core/domain/index.js";
import { type Delivery, type Logger, type Messenger, noticesOf, type SendOutcome } from "../core/ports/index.js";
import { formatSlot } from "../core/time/index.js";
import { noticeActions, renderNotice, renderNotices, renderSharedNotice } from "../text/index.js";
import { fallbackText, partsBlocks } from "./blocks.js";
import { userOf } from "./ids.js";
import type { ClientsFor, WorkspaceClient } from "./install/clients.js";
import { escapeMrkdwn, slackStyle } from "./style.js";
import { BoundedMap } from "../app/bounded-map.js";

/** The metadata event type every Percolate message carries, with its idempotency key. */
export const NUDGE_EVENT = "percolate_nudge";

/** Messages per page of history when looking for an earlier try (Slack allows up to 999; 200 is its advice). */
const HISTORY_PAGE = 200;
/** How far our clock and Slack's may disagree; the history lookup reads back this much further. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Platform errors that no retry can fix: the person or conversation is gone or out of reach. */
const PERMANENT = new Set([
  "user_not_found",
  "users_not_found",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_disabled",
  "cannot_dm_bot",
  "missing_scope",
  "no_permission",
  "restricted_action",
  "msg_too_long",
  "invalid_blocks",
]);

/**
 * Errors that say the workspace itself is out of reach (the app uninstalled, its token revoked
 * or expired): the delivery waits, uncounted, until the workspace installs Percolate again.
 */
const COMMUNITY_GONE = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "team_access_not_granted",
  "no installation",
]);

/** Reads a thrown Web API error (typed by its `code`) into the outcome the outbox expects. */
export function outcomeOf(e: unknown): SendOutcome & { ok: false } {
  const err = (e ?? {}) as { code?: unknown; message?: unknown; retryAfter?: unknown; data?: { error?: unknown } };
  const message = typeof err.message === "string" ? err.message : String(e);
  if (err.code === "no installation") return { ok: false, error: "no installation", communityGone: true };
  if (err.code === "slack_webapi_rate_limited_error") {
    const sec = typeof err.retryAfter === "number" ? err.retryAfter : 1;
    return { ok: false, error: `rate limited: ${message}`, retryAfterMs: sec * 1000 };
  }
  if (err.code === "slack_webapi_platform_error") {
    const code = typeof err.data?.error === "string" ? err.data.error : "unknown_error";
    if (code === "ratelimited") return { ok: false, error: code, retryAfterMs: 1000 };
    if (COMMUNITY_GONE.has(code)) return { ok: false, error: code, communityGone: true };
    return PERMANENT.has(code) ? { ok: false, error: code, permanent: true } : { ok: false, error: code };
  }
  return { ok: false, error: message };
}

type WebClient = WorkspaceClient["client"];

/**
 * Each person's local time for a notice about times, for a shared conversation: a booked slot
 * in everyone's zone; a peer round's proposed times for each member whose zone is not the one
 * the introduction (and its buttons) use, the first member's.
 */
function pairTimes(n: Notice, to: readonly Member[]): string[] {
  if (to.length < 2) return [];
  if ("slot" in n)
    return [to.map((m) => `*${escapeMrkdwn(m.displayName)}*: ${formatSlot(n.slot, m.timeZone)} (${m.timeZone})`).join(" · ")];
  if (n.kind !== "round_paired" || n.slots.length === 0) return [];
  const shownIn = to[0]?.timeZone;
  return to
    .filter((m) => m.timeZone !== shownIn)
    .map(
      (m) =>
        `*${escapeMrkdwn(m.displayName)}*, in your time (${m.timeZone}): ${n.slots.map((s, i) => `${i + 1}. ${formatSlot(s, m.timeZone)}`).join(" · ")}`,
    );
}

/**
 * The Messenger on Slack: a DM for one member, a group DM (conversations.open with both
 * users) for a pair, with Block Kit buttons and the .ics invite attached to a confirmed chat.
 * Sends in one channel go out one at a time, in order (Slack allows about one message per
 * second per channel). Idempotent calls (conversations.open, history, uploads) go through
 * `client`, which queues, waits out 429 Retry-After and retries 5xx and timeouts itself.
 * chat.postMessage is not idempotent — a timed-out post may have landed — so it goes through
 * `poster`, which never retries: a 429 comes back as `retryAfterMs` for the outbox to honour,
 * and a 5xx or timeout as a failed attempt that the outbox retries with backoff. Every message
 * carries its delivery key in metadata, and a retry (attempt > 1) looks the message up (through
 * the whole history since the nudge was made) before posting, so an uncertain first attempt
 * never becomes a duplicate.
 */
/** How many conversations a process remembers at once. */
const CACHED_CHANNELS = 20_000;

export class SlackMessenger implements Messenger {
  /** DM and group DM ids by workspace and users, bounded (conversations.open is idempotent, so a dropped one is only asked for again). */
  private readonly channels = new BoundedMap<string, string>(CACHED_CHANNELS);
  private readonly lanes = new Map<string, Promise<unknown>>();

  /** `clients` gives each workspace's clients, with that workspace's token. */
  constructor(
    private readonly clients: ClientsFor,
    private readonly log: Logger,
  ) {}

  async send(d: Delivery): Promise<SendOutcome> {
    const users = d.to.map((m) => userOf(m.id));
    const ids = users.map((u) => u?.userId).filter((u): u is string => u !== undefined);
    const reader = d.to[0];
    const teamId = users[0]?.teamId;
    if (!reader || !teamId || ids.length !== d.to.length || users.some((u) => u?.teamId !== teamId))
      return { ok: false, permanent: true, error: `not Slack members of one workspace: ${d.to.map((m) => m.id).join(", ")}` };
    try {
      const { client, poster } = await this.clients(teamId);
      const channel = await this.open(client, teamId, ids);
      return await this.lane(`${teamId}:${channel}`, async () => {
        if (d.attempt > 1 && (await this.alreadyPosted(client, channel, d.key, d.since))) return { ok: true } as const;
        const notices = noticesOf(d);
        // A shared conversation (a pair or a peer trio) is read by all of them at once.
        const shared = d.to.length > 1;
        const words = (n: Notice): string => (shared ? renderSharedNotice(n, d.to, slackStyle) : renderNotice(n, reader, slackStyle));
        const text = shared ? notices.map(words).join("\n\n") : renderNotices(notices, reader, slackStyle);
        const parts = notices.map((n) => ({ text: words(n), actions: noticeActions(n, reader) }));
        await poster.chat.postMessage({
          channel,
          text: fallbackText(text),
          blocks: partsBlocks(parts, pairTimes(d.notice, d.to)),
          metadata: { event_type: NUDGE_EVENT, event_payload: { key: d.key } },
          unfurl_links: false,
        });
        for (const n of notices) {
          const file = calendarFileOf(n);
          if (!file) continue;
          await client.filesUploadV2({
            channel_id: channel,
            content: file.content,
            filename: file.filename,
            title: n.kind === "chat_scheduled" ? `Coffee chat: ${n.seeker.name} & ${n.volunteer.name}` : file.filename,
          });
        }
        return { ok: true } as const;
      });
    } catch (e) {
      const out = outcomeOf(e);
      this.log.warn({ key: d.key, error: out.error }, "slack send failed");
      return out;
    }
  }

  /** The DM or group DM with these users, opened once and remembered. */
  private async open(client: WebClient, teamId: string, userIds: readonly string[]): Promise<string> {
    const key = `${teamId}:${[...userIds].sort().join(",")}`;
    const known = this.channels.get(key);
    if (known) return known;
    const r = await client.conversations.open({ users: userIds.join(","), return_im: false });
    const id = r.channel?.id;
    if (!id) throw new Error(`conversations.open gave no channel for ${key}`);
    this.channels.set(key, id);
    return id;
  }

  /**
   * Whether a message with this delivery key is already in the channel, however many were
   * posted since: reads the history newest first, page by page, back to the delivery's
   * `since` (less a margin for clock skew between us and Slack), or to the start without one.
   */
  private async alreadyPosted(client: WebClient, channel: string, key: string, since: Date | undefined): Promise<boolean> {
    const oldest = since ? ((since.getTime() - CLOCK_SKEW_MS) / 1000).toFixed(6) : undefined;
    let cursor: string | undefined;
    for (;;) {
      const r = await client.conversations.history({
        channel,
        limit: HISTORY_PAGE,
        include_all_metadata: true,
        ...(oldest ? { oldest } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const found = (r.messages ?? []).some(
        (m) => m.metadata?.event_type === NUDGE_EVENT && (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      if (found) return true;
      cursor = r.response_metadata?.next_cursor || undefined;
      if (!r.has_more || !cursor) return false;
    }
  }

  /** Runs sends to one channel one after another, so messages keep their order and pace. */
  private lane<T>(channel: string, work: () => Promise<T>): Promise<T> {
    const prev = this.lanes.get(channel) ?? Promise.resolve();
    const next = prev.then(work, work);
    const settled = next.catch(() => undefined);
    this.lanes.set(channel, settled);
    void settled.then(() => {
      if (this.lanes.get(channel) === settled) this.lanes.delete(channel);
    });
    return next;
  }
}

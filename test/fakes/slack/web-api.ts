/**
 * The state a fake Slack keeps and the Web API methods the adapter calls, answered the way
 * Slack answers them (`{ok: true, …}` or `{ok: false, error}` with HTTP 200).
 */
export interface FakeUser {
  id: string;
  team: string;
  name: string;
  tz: string;
  isAdmin?: boolean;
  /** Enterprise Grid: the org's workspaces the user is in, and whether they administer the org. */
  enterprise?: { teams: string[]; isAdmin?: boolean };
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Times it was edited (chat.update or a response_url with replace_original). */
  edits: number;
}

export interface FakeChannel {
  id: string;
  members: string[];
}

export interface FakeFile {
  id: string;
  filename: string;
  title: string;
  content: string;
  channel: string | null;
}

import { blockProblems } from "./block-kit.js";

type Params = Record<string, unknown>;
type Answer = Record<string, unknown>;

const s = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));

export class SlackState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: FakeMessage[] = [];
  readonly files = new Map<string, FakeFile>();
  readonly views: { method: string; view: Params; user?: string }[] = [];
  /** Calls Slack would have refused with `invalid_blocks`, and why. */
  readonly rejected: { method: string; problems: string[] }[] = [];
  /** Pinned messages, as `channel:ts` (pins.add). */
  readonly pins = new Set<string>();
  /** conversations.history pages served (a lookup that reads far back takes several). */
  historyPages = 0;
  private lastTs = 0;

  constructor(private readonly baseUrl: () => string) {}

  /** Slack's message ts: the wall clock in seconds with microseconds, strictly increasing. */
  nextTs(): string {
    this.lastTs = Math.max(Math.round(Date.now() * 1000), this.lastTs + 1);
    return `${Math.floor(this.lastTs / 1e6)}.${String(this.lastTs % 1e6).padStart(6, "0")}`;
  }

  /** The channel for these users: a DM for one, a group DM (mpim) for several. */
  openChannel(users: string[]): FakeChannel {
    const members = [...users].sort();
    const key = members.join(",");
    for (const c of this.channels.values()) if (c.members.join(",") === key) return c;
    const c = { id: `${members.length === 1 ? "D" : "G"}${String(this.channels.size + 1).padStart(8, "0")}`, members };
    this.channels.set(c.id, c);
    return c;
  }

  messagesIn(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** Answers one Web API method; unknown methods get Slack's `unknown_method`. */
  call(method: string, p: Params): Answer {
    const isView = method.startsWith("views.");
    const problems = blockProblems(isView ? (p.view as Params | undefined)?.blocks : p.blocks, isView ? 100 : 50);
    if (problems.length > 0) {
      this.rejected.push({ method, problems });
      return { ok: false, error: "invalid_blocks", response_metadata: { messages: problems } };
    }
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake.slack.test/",
          team: "Fake",
          user: "percolate",
          team_id: "T0FAKE",
          user_id: "UBOT",
          bot_id: "BBOT",
        };
      case "users.info": {
        const u = this.users.get(s(p.user));
        if (!u) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: u.id,
            team_id: u.team,
            name: u.name,
            real_name: u.name,
            deleted: false,
            tz: u.tz,
            tz_label: u.tz,
            tz_offset: 0,
            is_admin: u.isAdmin === true,
            is_owner: false,
            is_bot: false,
            profile: { display_name: u.name, real_name: u.name },
            ...(u.enterprise
              ? {
                  enterprise_user: {
                    id: u.id,
                    enterprise_id: "E0FAKE",
                    enterprise_name: "Fake Org",
                    is_admin: u.enterprise.isAdmin === true,
                    is_owner: false,
                    teams: u.enterprise.teams,
                  },
                }
              : {}),
          },
        };
      }
      case "conversations.open": {
        const users = s(p.users)
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean);
        const missing = users.find((u) => !this.users.has(u));
        if (users.length === 0) return { ok: false, error: "users_list_not_supplied" };
        if (missing) return { ok: false, error: "user_not_found" };
        return { ok: true, channel: { id: this.openChannel(users).id } };
      }
      case "chat.postMessage": {
        let channel = s(p.channel);
        if (this.users.has(channel)) channel = this.openChannel([channel]).id;
        const target = this.channels.get(channel);
        if (!target) return { ok: false, error: "channel_not_found" };
        // A public channel the bot was not added to (DMs and group DMs hold only people).
        if (channel.startsWith("C") && !target.members.includes("UBOT")) return { ok: false, error: "not_in_channel" };
        const meta = p.metadata as FakeMessage["metadata"] | undefined;
        const m: FakeMessage = {
          channel,
          ts: this.nextTs(),
          text: s(p.text),
          blocks: Array.isArray(p.blocks) ? p.blocks : [],
          ...(meta ? { metadata: meta } : {}),
          edits: 0,
        };
        this.messages.push(m);
        return { ok: true, channel, ts: m.ts, message: { type: "message", text: m.text, ts: m.ts, bot_id: "BBOT" } };
      }
      case "chat.update": {
        const m = this.messages.find((x) => x.channel === s(p.channel) && x.ts === s(p.ts));
        if (!m) return { ok: false, error: "message_not_found" };
        m.text = s(p.text);
        m.blocks = Array.isArray(p.blocks) ? p.blocks : [];
        m.edits++;
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case "pins.add": {
        const m = this.messages.find((x) => x.channel === s(p.channel) && x.ts === s(p.timestamp));
        if (!m) return { ok: false, error: "message_not_found" };
        const key = `${m.channel}:${m.ts}`;
        if (this.pins.has(key)) return { ok: false, error: "already_pinned" };
        this.pins.add(key);
        return { ok: true };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "conversations.history": {
        // Newest first, `oldest`/`latest` exclusive bounds on ts, pages by `cursor` (an offset here).
        const withMeta = p.include_all_metadata === "true" || p.include_all_metadata === true;
        const limit = Math.min(999, Math.max(1, Number(p.limit ?? 100)));
        const oldest = p.oldest === undefined ? Number.NEGATIVE_INFINITY : Number(p.oldest);
        const latest = p.latest === undefined ? Number.POSITIVE_INFINITY : Number(p.latest);
        const all = this.messagesIn(s(p.channel))
          .filter((m) => Number(m.ts) > oldest && Number(m.ts) < latest)
          .reverse();
        const from = p.cursor ? Number(Buffer.from(s(p.cursor), "base64").toString().replace("offset:", "")) : 0;
        const page = all.slice(from, from + limit);
        const more = from + limit < all.length;
        this.historyPages++;
        return {
          ok: true,
          has_more: more,
          messages: page.map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.text,
            bot_id: "BBOT",
            ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
          })),
          response_metadata: { next_cursor: more ? Buffer.from(`offset:${from + limit}`).toString("base64") : "" },
        };
      }
      case "views.open":
      case "views.publish":
      case "views.update": {
        const view = (p.view ?? {}) as Params;
        this.views.push({ method, view, ...(p.user_id ? { user: s(p.user_id) } : {}) });
        return { ok: true, view: { id: `V${this.views.length}`, ...view } };
      }
      case "files.getUploadURLExternal": {
        const id = `F${String(this.files.size + 1).padStart(8, "0")}`;
        this.files.set(id, { id, filename: s(p.filename), title: "", content: "", channel: null });
        return { ok: true, upload_url: `${this.baseUrl()}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const list = (Array.isArray(p.files) ? p.files : []) as { id?: string; title?: string }[];
        for (const f of list) {
          const file = f.id ? this.files.get(f.id) : undefined;
          if (!file) return { ok: false, error: "file_not_found" };
          file.title = f.title ?? file.filename;
          file.channel = p.channel_id ? s(p.channel_id) : null;
        }
        return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

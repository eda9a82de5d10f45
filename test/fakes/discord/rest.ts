import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One HTTP call the bot made, as the fake saw it. */
export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  /** File parts of a multipart body: name and text content. */
  files: { name: string; text: string }[];
  status: number;
  at: number;
}

/** A message the bot created, in a DM, a channel or a thread. */
export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  components: unknown[];
  nonce: string | null;
  files: { name: string; text: string }[];
  /** Times it was edited (PATCH). */
  edits?: number;
}

/** A channel the fake knows: DM (type 1), guild text (0) or private thread (12). */
export interface FakeChannel {
  id: string;
  type: number;
  name: string;
  guild_id?: string;
  parent_id?: string;
  recipient?: string;
  members: Set<string>;
  /** A thread Discord archived (inactive for its auto-archive duration): posting in it fails with 50083 until it is unarchived. */
  archived?: boolean;
}

/** A callback or webhook answer to one interaction. */
export interface InteractionAnswer {
  interactionId: string;
  token: string;
  /** 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal; "edit"/"followup" for webhooks. */
  type: number | "edit" | "followup";
  data: Record<string, unknown>;
  at: number;
}

/** A fault to inject: the next `times` calls matching `match` get `status`. */
export interface Fault {
  match: RegExp;
  status: 429 | 500 | 502 | 503;
  times: number;
  retryAfterSec?: number;
}

/** Discord's limit on a message's content, in UTF-16 units. */
const CONTENT_MAX = 2000;

let nextId = 900_000_000_000_000_000n;
export const snowflake = (): string => String(++nextId);

/**
 * Discord's REST API reduced to what Percolate calls, on 127.0.0.1, under /api/v10. It records
 * every call, keeps channels, messages, threads and interaction answers, honours
 * `nonce` + `enforce_nonce` (a repeat returns the first message), answers callbacks 204
 * without a content type (as Discord does), refuses content past 2,000 characters, and can
 * inject 429s and 5xx.
 */
export class FakeDiscordRest {
  readonly calls: RecordedCall[] = [];
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: FakeMessage[] = [];
  readonly answers: InteractionAnswer[] = [];
  readonly commands = new Map<string, unknown[]>();
  readonly faults: Fault[] = [];
  /** How long every REST call but interaction callbacks takes to answer, as a real round trip would (0: at once). */
  latencyMs = 0;
  /** Guild members as GET /guilds/:guild/members/:user returns them, by `<guild>:<user>` (their role ids); others are Unknown Member. */
  readonly guildMembers = new Map<string, { roles: string[] }>();
  /** Users who closed their DMs: posting to them fails with 50007. */
  readonly closedDms = new Set<string>();
  /** Channels the bot may not see or post in: posting there fails with Missing Access (50001). */
  readonly forbidden = new Set<string>();
  /** Pinned messages, as `<channel>:<message>` (PUT /channels/:channel/pins/:message). */
  readonly pins = new Set<string>();
  /** Called with each interaction answer, e.g. for latency measurements. */
  onAnswer: ((a: InteractionAnswer) => void) | null = null;
  private readonly answered = new Set<string>();
  private server: Server | null = null;
  gatewayUrl = "ws://127.0.0.1:0";

  constructor(readonly applicationId: string) {}

  /** Starts listening; returns the base URL to give discord.js as `rest.api` (…/api). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addChannel(c: Omit<FakeChannel, "members">): FakeChannel {
    const ch = { ...c, members: new Set<string>() };
    this.channels.set(c.id, ch);
    return ch;
  }

  /** Messages in the DM channel with one user. */
  dmsTo(userId: string): FakeMessage[] {
    const ids = new Set([...this.channels.values()].filter((c) => c.type === 1 && c.recipient === userId).map((c) => c.id));
    return this.messages.filter((m) => ids.has(m.channel_id));
  }

  threads(): FakeChannel[] {
    return [...this.channels.values()].filter((c) => c.type === 12);
  }

  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel_id === channelId);
  }

  answersTo(interactionId: string): InteractionAnswer[] {
    return this.answers.filter((a) => a.interactionId === interactionId);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://x");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    const { body, files } = await readBody(raw, String(req.headers["content-type"] ?? ""));
    const call: RecordedCall = { method, path, body, files, status: 200, at: performance.now() };
    this.calls.push(call);
    // Interaction callbacks answer at once (their latency is what the interaction benches measure).
    if (this.latencyMs > 0 && !path.startsWith("/interactions/")) await new Promise((r) => setTimeout(r, this.latencyMs));
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      if (json === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));
    };
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(`${method} ${path}`));
    if (fault) {
      fault.times--;
      if (fault.status === 429) {
        const after = fault.retryAfterSec ?? 0.2;
        return send(
          429,
          { message: "You are being rate limited.", retry_after: after, global: false },
          {
            "retry-after": String(Math.ceil(after)),
            "x-ratelimit-limit": "5",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset-after": String(after),
            "x-ratelimit-bucket": "fake-bucket",
            "x-ratelimit-scope": "user",
          },
        );
      }
      return send(fault.status, { message: "Server error", code: 0 });
    }
    this.answer(method, path, body, files, send);
  }

  private answer(
    method: string,
    path: string,
    body: unknown,
    files: RecordedCall["files"],
    send: (s: number, j?: unknown, h?: Record<string, string>) => void,
  ): void {
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    // Discord refuses a message (or an interaction answer) whose content passes 2,000 characters.
    const content = (b.data as { content?: unknown } | undefined)?.content ?? b.content;
    if (typeof content === "string" && content.length > CONTENT_MAX)
      return send(400, { message: "Invalid Form Body", code: 50035, errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } });
    if (method === "GET" && path === "/gateway/bot") {
      return send(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === "GET" && path === "/gateway") return send(200, { url: this.gatewayUrl });
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === "POST") {
      const [, id = "", token = ""] = m;
      if (this.answered.has(id)) return send(400, { message: "Interaction has already been acknowledged.", code: 40060 });
      this.answered.add(id);
      this.record({
        interactionId: id,
        token,
        type: Number(b.type),
        data: (b.data ?? {}) as Record<string, unknown>,
        at: performance.now(),
      });
      // Discord answers 204 with no body; a JSON content type here would crash undici's parser.
      return send(204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      const token = m[2] ?? "";
      const id = this.answers.find((a) => a.token === token)?.interactionId ?? "";
      const kind = m[3] ? "edit" : "followup";
      this.record({ interactionId: id, token, type: kind, data: b, at: performance.now() });
      return send(
        200,
        this.messageJson({ id: snowflake(), channel_id: "0", content: String(b.content ?? ""), components: [], nonce: null, files }),
      );
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === "PUT") {
      const list = Array.isArray(body) ? body : [];
      this.commands.set(m[2] ?? "global", list);
      return send(
        200,
        list.map((c: unknown) => ({ ...(c as object), id: snowflake(), application_id: this.applicationId, version: "1" })),
      );
    }
    if (method === "POST" && path === "/users/@me/channels") {
      const user = String(b.recipient_id ?? "");
      const found = [...this.channels.values()].find((c) => c.type === 1 && c.recipient === user);
      const ch = found ?? this.addChannel({ id: snowflake(), type: 1, name: "", recipient: user });
      return send(200, {
        id: ch.id,
        type: 1,
        recipients: [{ id: user, username: `user${user}`, discriminator: "0", avatar: null, global_name: null }],
      });
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST") {
      const ch = this.channels.get(m[1] ?? "");
      if (!ch) return send(404, { message: "Unknown Channel", code: 10003 });
      if (this.forbidden.has(ch.id)) return send(403, { message: "Missing Access", code: 50001 });
      if (ch.type === 1 && ch.recipient && this.closedDms.has(ch.recipient))
        return send(403, { message: "Cannot send messages to this user", code: 50007 });
      if (ch.archived) return send(400, { message: "Thread is archived", code: 50083 });
      const nonce = b.nonce === undefined ? null : String(b.nonce);
      const dup = nonce && b.enforce_nonce ? this.messages.find((x) => x.channel_id === ch.id && x.nonce === nonce) : undefined;
      if (dup) return send(200, this.messageJson(dup));
      const msg: FakeMessage = {
        id: snowflake(),
        channel_id: ch.id,
        content: String(b.content ?? ""),
        components: Array.isArray(b.components) ? b.components : [],
        nonce,
        files,
      };
      this.messages.push(msg);
      return send(200, this.messageJson(msg));
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === "PATCH") {
      const msg = this.messages.find((x) => x.channel_id === m?.[1] && x.id === m?.[2]);
      if (!msg) return send(404, { message: "Unknown Message", code: 10008 });
      if (b.content !== undefined) msg.content = String(b.content);
      if (Array.isArray(b.components)) msg.components = b.components;
      msg.edits = (msg.edits ?? 0) + 1;
      return send(200, this.messageJson(msg));
    }
    if ((m = /^\/channels\/(\d+)\/pins\/(\d+)$/.exec(path)) && method === "PUT") {
      const msg = this.messages.find((x) => x.channel_id === m?.[1] && x.id === m?.[2]);
      if (!msg) return send(404, { message: "Unknown Message", code: 10008 });
      this.pins.add(`${msg.channel_id}:${msg.id}`);
      return send(204);
    }
    if ((m = /^\/channels\/(\d+)\/threads$/.exec(path)) && method === "POST") {
      const parent = this.channels.get(m[1] ?? "");
      if (parent?.type !== 0) return send(404, { message: "Unknown Channel", code: 10003 });
      const t = this.addChannel({
        id: snowflake(),
        type: Number(b.type ?? 12),
        name: String(b.name ?? ""),
        parent_id: parent.id,
        ...(parent.guild_id ? { guild_id: parent.guild_id } : {}),
      });
      return send(201, this.channelJson(t));
    }
    if ((m = /^\/channels\/(\d+)\/thread-members\/(\d+)$/.exec(path)) && method === "PUT") {
      const t = this.channels.get(m[1] ?? "");
      if (!t) return send(404, { message: "Unknown Channel", code: 10003 });
      t.members.add(m[2] ?? "");
      return send(204);
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && (method === "PATCH" || method === "DELETE")) {
      const ch = this.channels.get(m[1] ?? "");
      if (!ch) return send(404, { message: "Unknown Channel", code: 10003 });
      if (method === "DELETE") this.channels.delete(ch.id);
      else if (typeof b.archived === "boolean") ch.archived = b.archived;
      return send(200, this.channelJson(ch));
    }
    if ((m = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path)) && method === "GET") {
      const member = this.guildMembers.get(`${m[1]}:${m[2]}`);
      if (!member) return send(404, { message: "Unknown Member", code: 10007 });
      const user = { id: m[2], username: `user${m[2]}`, discriminator: "0", avatar: null, global_name: null };
      return send(200, { user, roles: member.roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 });
    }
    if ((m = /^\/guilds\/(\d+)\/threads\/active$/.exec(path)) && method === "GET") {
      const threads = this.threads().filter((t) => t.guild_id === m?.[1] && !t.archived);
      return send(200, { threads: threads.map((t) => this.channelJson(t)), members: [] });
    }
    send(404, { message: `fake Discord has no route ${method} ${path}`, code: 0 });
  }

  private record(a: InteractionAnswer): void {
    this.answers.push(a);
    this.onAnswer?.(a);
  }

  private messageJson(m: FakeMessage): Record<string, unknown> {
    return {
      id: m.id,
      type: 0,
      channel_id: m.channel_id,
      content: m.content,
      components: m.components,
      nonce: m.nonce,
      author: { id: this.applicationId, username: "Percolate", discriminator: "0", avatar: null, global_name: null, bot: true },
      attachments: m.files.map((f, i) => ({
        id: String(i),
        filename: f.name,
        size: f.text.length,
        url: `http://127.0.0.1/${f.name}`,
        proxy_url: "",
      })),
      embeds: [],
      mentions: [],
      mention_roles: [],
      pinned: false,
      mention_everyone: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    };
  }

  private channelJson(c: FakeChannel): Record<string, unknown> {
    return {
      id: c.id,
      type: c.type,
      name: c.name,
      guild_id: c.guild_id,
      parent_id: c.parent_id,
      thread_metadata: {
        archived: c.archived === true,
        auto_archive_duration: 10080,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
    };
  }
}

/** JSON or multipart (payload_json + files[n]) bodies, as discord.js sends them. */
async function readBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedCall["files"] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const files: RecordedCall["files"] = [];
    let body: unknown;
    for (const [key, value] of form.entries()) {
      if (key === "payload_json" && typeof value === "string") body = JSON.parse(value);
      else if (typeof value !== "string") files.push({ name: value.name, text: await value.text() });
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    return { body: raw.toString("utf8"), files: [] };
  }
}

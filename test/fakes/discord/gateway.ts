import type { AddressInfo } from "node:net";
import { GatewayOpcodes } from "discord-api-types/v10";
import { WebSocketServer, type WebSocket } from "ws";

/** A role every fake guild has besides @everyone, for admin-by-role tests. */
export const FAKE_MOD_ROLE = "777000111222333444";

/** A guild the fake serves: its id, name and text channels. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
  systemChannelId?: string;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

/**
 * Discord's gateway reduced to one shard on 127.0.0.1: HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeat ACKs, RESUME with replay of missed dispatches, and `drop()` to cut the connection.
 * Dispatches sent while the client is away are kept and replayed on resume, as Discord does.
 */
export class FakeGateway {
  private wss: WebSocketServer | null = null;
  private session: Session | null = null;
  url = "";
  identifies = 0;
  resumes = 0;
  heartbeats = 0;

  constructor(
    private readonly bot: { id: string; applicationId: string },
    readonly guilds: FakeGuild[],
  ) {}

  async start(): Promise<string> {
    this.wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => this.wss?.once("listening", () => resolve()));
    const { port } = this.wss.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}`;
    this.wss.on("connection", (ws) => this.accept(ws));
    return this.url;
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  /** True once a client has identified and is connected. */
  get connected(): boolean {
    return this.session?.socket?.readyState === 1;
  }

  /** Sends a dispatch (or keeps it for the resume when the client is away). */
  dispatch(t: string, d: unknown): void {
    const s = this.session;
    if (!s) throw new Error("no gateway session: the client has not identified");
    const ev = { s: ++s.seq, t, d };
    s.events.push(ev);
    if (s.socket?.readyState === 1) s.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...ev }));
  }

  /** The bot is added to a server: it is listed from now on and the client hears GUILD_CREATE. */
  join(g: FakeGuild): void {
    if (!this.guilds.some((x) => x.id === g.id)) this.guilds.push(g);
    if (this.session) this.dispatch("GUILD_CREATE", guildCreate(g, this.bot.id));
  }

  /** The bot is removed from a server (kicked, or the server deleted): GUILD_DELETE with no `unavailable`. */
  leave(guildId: string): void {
    const i = this.guilds.findIndex((g) => g.id === guildId);
    if (i >= 0) this.guilds.splice(i, 1);
    if (this.session) this.dispatch("GUILD_DELETE", { id: guildId });
  }

  /** Cuts the connection the way a network failure or a Discord restart would (the client should RESUME). */
  drop(): void {
    const ws = this.session?.socket;
    if (this.session) this.session.socket = null;
    ws?.close(4000, "fake gateway dropped the connection");
  }

  private accept(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 } }));
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (msg.op === GatewayOpcodes.Heartbeat) {
        this.heartbeats++;
        ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      } else if (msg.op === GatewayOpcodes.Identify) this.identify(ws);
      else if (msg.op === GatewayOpcodes.Resume) this.resume(ws, msg.d as { session_id: string; seq: number });
    });
  }

  private identify(ws: WebSocket): void {
    this.identifies++;
    this.session = { id: `session-${this.identifies}`, seq: 0, events: [], socket: ws };
    this.dispatch("READY", {
      v: 10,
      user: {
        id: this.bot.id,
        username: "Percolate",
        discriminator: "0",
        avatar: null,
        global_name: null,
        bot: true,
        verified: true,
        flags: 0,
        mfa_enabled: false,
      },
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: this.session.id,
      resume_gateway_url: this.url,
      shard: [0, 1],
      application: { id: this.bot.applicationId, flags: 0 },
    });
    for (const g of this.guilds) this.dispatch("GUILD_CREATE", guildCreate(g, this.bot.id));
  }

  private resume(ws: WebSocket, d: { session_id: string; seq: number }): void {
    const s = this.session;
    if (!s || s.id !== d.session_id) {
      ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    this.resumes++;
    s.socket = ws;
    for (const ev of s.events.filter((e) => e.s > d.seq)) ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...ev }));
    this.dispatch("RESUMED", null);
  }
}

function guildCreate(g: FakeGuild, botId: string): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: "1",
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: "en-US",
    system_channel_id: g.systemChannelId ?? g.channels[0]?.id ?? null,
    system_channel_flags: 0,
    features: [],
    roles: [
      { id: g.id, name: "@everyone", permissions: "0", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      {
        id: FAKE_MOD_ROLE,
        name: "Coffee team",
        permissions: "0",
        position: 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    channels: g.channels.map((c, i) => ({ id: c.id, type: 0, name: c.name, position: i, permission_overwrites: [], guild_id: g.id })),
    threads: [],
    members: [
      {
        user: { id: botId, username: "Percolate", discriminator: "0", avatar: null, global_name: null, bot: true },
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
    ],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: new Date().toISOString(),
  };
}

import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { blockProblems } from "./block-kit.js";
import { FakeOAuth } from "./oauth.js";
import { SlackState } from "./web-api.js";

/** One Web API call as the fake received it: the method, its form fields (JSON ones parsed), the HTTP status given. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  token: string;
  status: number;
}

/** A canned failure for the next calls of one method. */
export interface Fault {
  method: string;
  /** HTTP status to answer with (429 adds Retry-After). Omit for only a delay. */
  status?: number;
  retryAfterSec?: number;
  delayMs?: number;
  /** Answer only once this settles: a call held open for as long as a test needs, with no clock involved. */
  hold?: Promise<unknown>;
  /** Do the work, then answer with the failure: a response lost on the way back. */
  after?: boolean;
  /** Do the work at once and answer (normally) only after this long: a slow way back, where a crash loses the answer. */
  answerDelayMs?: number;
  times: number;
  /** Only calls made with a token starting so (one workspace's, in multi-workspace tests). */
  tokenPrefix?: string;
  /** Told when the fault is applied to a call. */
  onHit?: () => void;
}

/** How the fake reaches Bolt: its HTTP receiver, or Socket Mode over the fake's own websocket. */
export type Target = { kind: "http"; url: string } | { kind: "socket" };

export interface Sent {
  status: number;
  body: string;
}

/** Options to break a signed request on purpose. */
export interface Tamper {
  secret?: string;
  timestamp?: number;
  omit?: ("signature" | "timestamp")[];
  /** Sends it as Slack's retry number n (X-Slack-Retry-Num, reason http_timeout). */
  retryNum?: number;
}

const JSON_FIELDS = new Set(["blocks", "metadata", "view", "files", "attachments"]);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseForm(body: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    if (JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // Not JSON: keep the raw string, as Slack would reject it anyway.
      }
    }
    out[k] = v;
  }
  return out;
}

/**
 * Slack on 127.0.0.1: the Web API under /api/, response_urls under /response/, file uploads
 * under /upload/, and Socket Mode at /link. It records every call, can fail or slow any
 * method on demand, and sends Bolt correctly signed requests (or Socket Mode envelopes).
 */
export class FakeSlack {
  readonly state = new SlackState(() => this.url);
  readonly calls: ApiCall[] = [];
  /**
   * OAuth installs and per-token checks (many workspaces). Until `multiTeam` is turned on, any
   * token works for any team, as the single-token tests expect.
   */
  readonly oauth = new FakeOAuth(this.state);
  multiTeam = false;
  /** Bodies posted to response_urls, in order. */
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  /** Called with each accepted response_url post as it arrives (`at`: performance.now()), for load tests that time answers. */
  onResponse: ((r: { id: string; at: number }) => void) | null = null;
  readonly faults: Fault[] = [];
  /** How long every Web API call takes to answer, as a real network round trip would (0: at once). */
  latencyMs = 0;
  target: Target | null = null;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private readonly responseMessages = new Map<string, { channel: string; ts: string }>();
  url = "";

  constructor(readonly signingSecret = "fake-signing-secret") {}

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.route(req).then(
        (r) => res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) }).end(r.body),
        (e: unknown) => res.writeHead(500).end(String(e)),
      );
    });
    this.wss = new WebSocketServer({ server: this.server, path: "/link" });
    this.wss.on("connection", (ws) => {
      this.socket = ws;
      ws.on("message", (raw: Buffer) => {
        const msg = JSON.parse(raw.toString()) as { envelope_id?: string; payload?: unknown };
        const done = msg.envelope_id ? this.acks.get(msg.envelope_id) : undefined;
        if (msg.envelope_id && done) {
          this.acks.delete(msg.envelope_id);
          done(msg.payload ?? null);
        }
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake", approximate_connection_time: 3600 },
          connection_info: { app_id: "A0FAKE" },
        }),
      );
    });
    await new Promise<void>((r) => this.server?.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((r) => (this.wss ? this.wss.close(() => r()) : r()));
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Waits until Bolt's Socket Mode client has connected. */
  async connected(timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!this.socket) {
      if (Date.now() > end) throw new Error("Socket Mode client never connected");
      await sleep(10);
    }
  }

  /** Fails or slows the next `times` calls of a method. */
  inject(f: Fault): void {
    this.faults.push(f);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** A response_url that, when used with replace_original, edits this message. */
  responseUrl(message?: { channel: string; ts: string }): string {
    const id = randomUUID();
    if (message) this.responseMessages.set(id, message);
    return `${this.url}/response/${id}`;
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body: string; headers?: Record<string, string> }> {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const raw = await readBody(req);
    if (path.startsWith("/api/")) {
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      return this.api(path.slice(5), raw, req);
    }
    if (path.startsWith("/response/")) {
      const id = path.slice(10);
      const body = parseForm(raw, "application/json");
      const problems = blockProblems(body.blocks);
      if (problems.length > 0) {
        this.state.rejected.push({ method: "response_url", problems });
        return { status: 400, body: JSON.stringify({ ok: false, error: "invalid_blocks" }) };
      }
      this.responses.push({ id, body });
      this.onResponse?.({ id, at: performance.now() });
      const target = this.responseMessages.get(id);
      if (target && body.replace_original === true) this.state.call("chat.update", { ...target, text: body.text, blocks: body.blocks });
      return { status: 200, body: JSON.stringify({ ok: true }) };
    }
    if (path.startsWith("/upload/")) {
      const file = this.state.files.get(path.slice(8));
      if (!file) return { status: 404, body: "" };
      file.content = raw;
      return { status: 200, body: "OK - 1" };
    }
    return { status: 404, body: JSON.stringify({ ok: false, error: "not_found" }) };
  }

  private async api(
    method: string,
    raw: string,
    req: IncomingMessage,
  ): Promise<{ status: number; body: string; headers?: Record<string, string> }> {
    const params = parseForm(raw, req.headers["content-type"]);
    const auth = req.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : String(params.token ?? "");
    const fault = this.faults.find(
      (f) => f.method === method && f.times > 0 && (f.tokenPrefix === undefined || token.startsWith(f.tokenPrefix)),
    );
    if (fault) {
      fault.times--;
      fault.onHit?.();
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.hold) await fault.hold;
      if (fault.after) this.state.call(method, params);
      if (fault.status) {
        this.calls.push({ method, params, token, status: fault.status });
        const headers: Record<string, string> = fault.status === 429 ? { "retry-after": String(fault.retryAfterSec ?? 1) } : {};
        return {
          status: fault.status,
          body: JSON.stringify({ ok: false, error: fault.status === 429 ? "ratelimited" : "internal_error" }),
          headers,
        };
      }
    }
    this.calls.push({ method, params, token, status: 200 });
    if (this.multiTeam) {
      if (method === "oauth.v2.access") {
        const basic = auth.startsWith("Basic ") ? auth.slice(6) : "";
        return { status: 200, body: JSON.stringify(this.oauth.access(params, basic)) };
      }
      if (method === "auth.test") return { status: 200, body: JSON.stringify(this.oauth.authTest(token)) };
      const refused = this.oauth.refusal(method, token, params);
      if (refused) return { status: 200, body: JSON.stringify(refused) };
    }
    if (fault?.answerDelayMs) {
      const answer = JSON.stringify(this.state.call(method, params));
      await sleep(fault.answerDelayMs);
      return { status: 200, body: answer };
    }
    if (method === "apps.connections.open")
      return { status: 200, body: JSON.stringify({ ok: true, url: `${this.url.replace("http", "ws")}/link?ticket=${randomUUID()}` }) };
    return { status: 200, body: JSON.stringify(this.state.call(method, params)) };
  }

  /** The signature Slack puts on a request body. */
  sign(body: string, timestamp: number, secret = this.signingSecret): string {
    return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  }

  /**
   * Delivers one request to Bolt the way Slack would: over HTTP (form-encoded, signed) or as
   * a Socket Mode envelope, resolving with Bolt's answer (the ack's body).
   */
  async send(kind: "slash_commands" | "interactive" | "events_api", payload: Record<string, unknown>, tamper: Tamper = {}): Promise<Sent> {
    if (!this.target) throw new Error("FakeSlack.target is not set");
    if (this.target.kind === "socket") return this.envelope(kind, payload);
    const { headers, body } = this.signed(kind, payload, tamper);
    const res = await fetch(this.target.url, { method: "POST", headers, body });
    return { status: res.status, body: await res.text() };
  }

  /** The body and headers Slack would POST to the HTTP receiver for this payload. */
  signed(
    kind: "slash_commands" | "interactive" | "events_api",
    payload: Record<string, unknown>,
    tamper: Tamper = {},
  ): { headers: Record<string, string>; body: string } {
    const body =
      kind === "slash_commands"
        ? new URLSearchParams(Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)])).toString()
        : kind === "interactive"
          ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
          : JSON.stringify(payload);
    const ts = tamper.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": kind === "events_api" ? "application/json" : "application/x-www-form-urlencoded",
    };
    if (!tamper.omit?.includes("timestamp")) headers["x-slack-request-timestamp"] = String(ts);
    if (!tamper.omit?.includes("signature")) headers["x-slack-signature"] = this.sign(body, ts, tamper.secret);
    if (tamper.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(tamper.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    return { headers, body };
  }

  private envelope(type: string, payload: Record<string, unknown>): Promise<Sent> {
    const ws = this.socket;
    if (!ws) throw new Error("no Socket Mode connection");
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`envelope ${type} was not acked in 3 s`)), 3000);
      this.acks.set(id, (p) => {
        clearTimeout(timer);
        resolve({ status: 200, body: p === null ? "" : JSON.stringify(p) });
      });
      ws.send(
        JSON.stringify({
          envelope_id: id,
          type,
          payload,
          accepts_response_payload: type !== "events_api",
          retry_attempt: 0,
          retry_reason: "",
        }),
      );
    });
  }
}

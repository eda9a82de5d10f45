import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A chat platform reduced to what delivery guarantees need, on 127.0.0.1. `POST /send
 * {key, kind, to}` posts a message. In "nonce" mode it behaves like Discord's `nonce` +
 * `enforce_nonce`: a repeated key returns the message already created. In "plain" mode it
 * behaves like Slack's chat.postMessage: every post is a new message, and `GET /find?key=`
 * (like searching recent history for our metadata) tells whether one carries the key.
 * It counts every request, every message created and every duplicate it absorbed.
 */
export class RecordingPlatform {
  constructor(readonly mode: "nonce" | "plain" = "nonce") {}

  /** Messages created, by idempotency key: the count a person would see. */
  readonly messages = new Map<string, number>();
  requests = 0;
  /** Lookups that found the message already there: a duplicate the bot avoided itself. */
  found = 0;
  /** Requests that repeated a key already delivered (a crash between send and mark-sent). */
  absorbed = 0;
  private server: Server | null = null;
  private waiters: { total: number; resolve: () => void }[] = [];

  /** Resolves once the platform has received `total` posts in all (at once if it already has). */
  untilRequests(total: number): Promise<void> {
    if (this.requests >= total) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ total, resolve }));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      if (req.method === "GET" && req.url?.startsWith("/find")) {
        const key = new URL(req.url, "http://x").searchParams.get("key") ?? "";
        const found = this.messages.has(key);
        if (found) this.found++;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ found }));
        return;
      }
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        this.requests++;
        for (const w of this.waiters.filter((x) => x.total <= this.requests)) w.resolve();
        this.waiters = this.waiters.filter((x) => x.total > this.requests);
        let key = "";
        try {
          key = String((JSON.parse(body) as { key?: unknown }).key ?? "");
        } catch {
          key = "";
        }
        if (!key) {
          res.writeHead(400).end();
          return;
        }
        if (!this.messages.has(key)) this.messages.set(key, 1);
        else if (this.mode === "nonce") this.absorbed++;
        else this.messages.set(key, (this.messages.get(key) ?? 0) + 1);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/send`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

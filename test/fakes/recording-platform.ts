import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A chat platform reduced to what delivery guarantees need, on 127.0.0.1: it accepts
 * `POST /send {key, kind, to}` and, like Discord's `nonce` + `enforce_nonce`, answers a
 * repeated key with the message it already created instead of creating a second one.
 * It counts every request, every message created and every duplicate it absorbed.
 */
export class RecordingPlatform {
  /** Messages created, by idempotency key: the count a person would see. */
  readonly messages = new Map<string, number>();
  requests = 0;
  /** Requests that repeated a key already delivered (a crash between send and mark-sent). */
  absorbed = 0;
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        this.requests++;
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
        if (this.messages.has(key)) this.absorbed++;
        else this.messages.set(key, 1);
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

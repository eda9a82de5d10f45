import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { HTTPReceiver } from "@slack/bolt";
import { countMalformed } from "../../app/faults.js";
import type { Logger } from "../../core/ports/index.js";
import { parseSlackBody } from "./parse.js";
import { verifySlack } from "./verify.js";

/** Bodies beyond this are refused before anyone reads them (Bolt's own default is 10 MB). */
const BODY_LIMIT = 1024 * 1024;

export interface GuardOptions {
  signingSecret: string;
  /** The paths Slack posts events, commands and interactions to (the receiver's `endpoints`). */
  endpoints: readonly string[];
  log: Logger;
  now?: () => number;
}

/** The request with its body read, the way Bolt keeps it (`rawBody`), so Bolt does not read the stream again. */
type Buffered = IncomingMessage & { rawBody?: Buffer };

function readBody(req: IncomingMessage): Promise<Buffer | "too_large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= BODY_LIMIT) chunks.push(c);
    });
    req.on("end", () => resolve(size > BODY_LIMIT ? "too_large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const answer = (res: ServerResponse, status: number): void => {
  if (!res.headersSent) res.writeHead(status).end();
};

/**
 * Puts a check in front of Bolt's HTTP receiver: the body is read once, the signature checked
 * with the timestamp window on both sides (a request dated more than 5 minutes ahead is
 * refused, which Bolt alone does not do), and the body parsed into what it is. A forged or
 * mistimed request gets 401, a signed but unreadable one 400 (logged and counted), and only
 * what parses reaches Bolt — with the body already read, so Bolt verifies the same bytes.
 */
export function guardReceiver(receiver: HTTPReceiver, o: GuardOptions): void {
  const inner: RequestListener = receiver.requestListener;
  const guarded = async (req: Buffered, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method !== "POST" || !o.endpoints.includes(path)) return inner(req, res);
    const body = await readBody(req);
    if (body === "too_large") return answer(res, 413);
    req.rawBody = body;
    const raw = body.toString("utf8");
    const parsed = parseSlackBody(req.headers["content-type"], raw);
    if (parsed.kind === "ssl_check") return inner(req, res);
    const header = (name: string): string | undefined => {
      const v = req.headers[name];
      return typeof v === "string" ? v : undefined;
    };
    const verdict = verifySlack(
      o.signingSecret,
      { signature: header("x-slack-signature"), timestamp: header("x-slack-request-timestamp") },
      raw,
      o.now,
    );
    if (!verdict.ok) {
      o.log.warn({ reason: verdict.reason, path: req.url }, "slack request refused: signature or timestamp");
      return answer(res, 401);
    }
    if (parsed.kind === "unsupported") {
      countMalformed("slack");
      o.log.warn({ reason: parsed.reason, path: req.url }, "signed slack request could not be read; answered 400");
      return answer(res, 400);
    }
    return inner(req, res);
  };
  receiver.requestListener = (req, res) => {
    guarded(req, res).catch((e: unknown) => {
      o.log.error({ err: e instanceof Error ? e.message : String(e), path: req.url }, "slack request failed before Bolt");
      answer(res, 500);
    });
  };
}

import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** Kept-alive connections for response_urls: answers go to one host, many a second under load. */
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

/**
 * POSTs `body` as JSON and resolves with the HTTP status (the response body is drained and
 * ignored); rejects on a network failure or when the connection stays silent for `timeoutMs`.
 * Plain `node:http` rather than `fetch`: under load the answer's POST was a large share of a
 * cheap command's CPU, and fetch's streams cost several times what a bare request does
 * (profiled on bench:slack). A kept-alive connection the server closed just as it was reused
 * is retried once on a new one, as Node's documentation advises.
 */
export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<number> {
  const data = JSON.stringify(body);
  try {
    return await once(new URL(url), data, timeoutMs);
  } catch (e) {
    if (!(e instanceof StaleSocket)) throw e;
    return once(new URL(url), data, timeoutMs);
  }
}

/** A reused connection was reset before any answer: the request never reached the server. */
class StaleSocket extends Error {}

function once(target: URL, data: string, timeoutMs: number): Promise<number> {
  const https = target.protocol === "https:";
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: "POST",
        agent: https ? agents.https : agents.http,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
        res.once("error", reject);
      },
    );
    req.once("timeout", () => req.destroy(new Error(`response_url silent for ${timeoutMs} ms`)));
    req.once("error", (e: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && e.code === "ECONNRESET" ? new StaleSocket(e.message, { cause: e }) : e),
    );
    req.end(data);
  });
}

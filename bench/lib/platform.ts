import type { Delivery, Messenger, SendOutcome } from "../../src/core/ports/index.js";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A chat platform's send endpoint as a rate limiter sees it: a token bucket refilled at
 * `rate` per second holding at most `burst`. A send with a token costs `latencyMs` of real
 * time (the HTTP round trip); one without is answered at once with 429 and the time until a
 * token is free, as Slack's and Discord's Retry-After do.
 */
export class RateLimitedPlatform implements Messenger {
  accepted = 0;
  limited = 0;
  duplicates = 0;
  private readonly seen = new Set<string>();
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly latencyMs = 1,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  async send(d: Delivery): Promise<SendOutcome> {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.rate) / 1000);
    this.last = t;
    if (this.tokens < 1) {
      this.limited++;
      return { ok: false, error: "429 Too Many Requests", retryAfterMs: Math.ceil(((1 - this.tokens) * 1000) / this.rate) };
    }
    this.tokens -= 1;
    await sleep(this.latencyMs);
    if (this.seen.has(d.key)) this.duplicates++;
    this.seen.add(d.key);
    this.accepted++;
    return { ok: true };
  }
}

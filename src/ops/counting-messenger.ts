import type { Delivery, Messenger, Metrics, SendOutcome } from "../core/ports/index.js";

/** The Messenger, counting each delivery attempt's outcome by platform and notice kind. */
export class CountingMessenger implements Messenger {
  constructor(
    private readonly inner: Messenger,
    private readonly metrics: Metrics,
  ) {}

  async send(d: Delivery): Promise<SendOutcome> {
    const out = await this.inner.send(d);
    const platform = d.communityId.slice(0, d.communityId.indexOf(":"));
    const outcome = out.ok ? "sent" : out.retryAfterMs !== undefined ? "rate_limited" : out.permanent ? "failed" : "retry";
    this.metrics.delivery(platform, d.notice.kind, outcome);
    return out;
  }
}

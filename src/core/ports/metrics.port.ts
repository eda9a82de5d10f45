/**
 * What a runner may count about the work it does (src/ops keeps these as Prometheus metrics).
 * Optional everywhere: `Deps.metrics` absent means nothing is counted. Implementations must be
 * cheap and never throw.
 */
export interface Metrics {
  /** A person's command ran; `outcome` is "ok", a failure code, or "unsupported". */
  command(platform: string, kind: string, outcome: string): void;
  /** The platform got its acknowledgement of a command or click this many seconds after it arrived. */
  acked(platform: string, seconds: number): void;
  /** One delivery attempt of a nudge, by the notice's kind. */
  delivery(platform: string, kind: string, outcome: "sent" | "retry" | "rate_limited" | "failed"): void;
  /** The platform's API answered with a rate limit (HTTP 429). */
  rateLimited(platform: string): void;
  /** One community's batch-matching round: how long it took and how many open requests it considered. */
  batchMatched(seconds: number, size: number): void;
}

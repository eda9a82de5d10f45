import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { faultCounts } from "../app/faults.js";
import type { Metrics, NudgeOutbox } from "../core/ports/index.js";

/** Acknowledgement buckets (seconds): Slack and Discord both give up at 3 s. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
const MATCH_SECONDS = [0.001, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30];
const MATCH_SIZE = [0, 1, 5, 10, 50, 100, 500, 1000, 5000, 10_000, 50_000];

/**
 * Percolate's Prometheus metrics, in their own registry (so tests can run several). The outbox
 * gauges are read from the store at scrape time, with one cheap query; a scrape while the
 * database is down leaves them at their last values and the scrape still answers.
 */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<"platform" | "kind" | "outcome">;
  private readonly ack: Histogram<"platform">;
  private readonly deliveries: Counter<"platform" | "kind" | "outcome">;
  private readonly nudgesSent: Counter<"kind">;
  private readonly apiErrors: Counter<"platform">;
  private readonly limited: Counter<"platform">;
  private readonly matchSeconds: Histogram;
  private readonly matchSize: Histogram;

  constructor(opts: { outbox?: () => NudgeOutbox | null; now?: () => Date; defaults?: boolean } = {}) {
    const registers = [this.registry];
    if (opts.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: "percolate_" });
    this.commands = new Counter({
      name: "percolate_commands_total",
      help: "Commands people ran, by platform, command kind and outcome (ok, a failure code, or unsupported).",
      labelNames: ["platform", "kind", "outcome"],
      registers,
    });
    this.ack = new Histogram({
      name: "percolate_ack_seconds",
      help: "Time from a command or click reaching Percolate to the platform getting its acknowledgement.",
      labelNames: ["platform"],
      buckets: ACK_BUCKETS,
      registers,
    });
    this.deliveries = new Counter({
      name: "percolate_deliveries_total",
      help: "Nudge delivery attempts, by platform, notice kind and outcome (sent, retry, rate_limited, failed).",
      labelNames: ["platform", "kind", "outcome"],
      registers,
    });
    this.nudgesSent = new Counter({
      name: "percolate_nudges_sent_total",
      help: "Nudges delivered, by notice kind.",
      labelNames: ["kind"],
      registers,
    });
    this.apiErrors = new Counter({
      name: "percolate_platform_api_errors_total",
      help: "Platform API calls that failed (deliveries that were not sent, rate limits excluded).",
      labelNames: ["platform"],
      registers,
    });
    this.limited = new Counter({
      name: "percolate_platform_rate_limited_total",
      help: "Platform API answers of 429 (rate limited).",
      labelNames: ["platform"],
      registers,
    });
    this.matchSeconds = new Histogram({
      name: "percolate_batch_match_seconds",
      help: "Duration of one community's batch-matching round.",
      buckets: MATCH_SECONDS,
      registers,
    });
    this.matchSize = new Histogram({
      name: "percolate_batch_match_size",
      help: "Open requests considered by one community's batch-matching round.",
      buckets: MATCH_SIZE,
      registers,
    });
    // Faults the process survived (the process guard, unreadable platform input), read at scrape time.
    new Gauge({
      name: "percolate_process_faults",
      help: "Faults the process survived since it started: unhandled rejections, uncaught exceptions, unreadable platform input.",
      labelNames: ["kind", "platform"],
      registers,
      collect() {
        const f = faultCounts();
        this.set({ kind: "unhandled_rejection", platform: "" }, f.unhandledRejections);
        this.set({ kind: "uncaught_exception", platform: "" }, f.uncaughtExceptions);
        for (const [platform, n] of Object.entries(f.malformedInput)) this.set({ kind: "malformed_input", platform }, n);
      },
    });
    const outbox = opts.outbox ?? (() => null);
    const now = opts.now ?? (() => new Date());
    let last = { pending: 0, failed: 0, age: 0 };
    let reading: Promise<void> | null = null;
    // One store read serves the three gauges of a scrape.
    const read = (): Promise<void> => {
      reading ??= (async () => {
        const o = outbox();
        if (!o) return;
        const s = await o.stats();
        last = {
          pending: s.pending,
          failed: s.failed,
          age: s.oldestDueAt ? Math.max(0, (now().getTime() - s.oldestDueAt.getTime()) / 1000) : 0,
        };
      })()
        .catch(() => undefined)
        .finally(() => {
          reading = null;
        });
      return reading;
    };
    const gauge = (name: string, help: string, pick: (l: typeof last) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          await read();
          this.set(pick(last));
        },
      });
    gauge("percolate_outbox_pending", "Nudges waiting to be sent (due or not).", (l) => l.pending);
    gauge("percolate_outbox_failed", "Nudges given up on.", (l) => l.failed);
    gauge("percolate_outbox_oldest_due_age_seconds", "How overdue the earliest pending nudge is (0 when none is overdue).", (l) => l.age);
  }

  command(platform: string, kind: string, outcome: string): void {
    this.commands.inc({ platform, kind, outcome });
  }
  acked(platform: string, seconds: number): void {
    this.ack.observe({ platform }, seconds);
  }
  delivery(platform: string, kind: string, outcome: "sent" | "retry" | "rate_limited" | "failed"): void {
    this.deliveries.inc({ platform, kind, outcome });
    if (outcome === "sent") this.nudgesSent.inc({ kind });
    else if (outcome !== "rate_limited") this.apiErrors.inc({ platform });
  }
  rateLimited(platform: string): void {
    this.limited.inc({ platform });
  }
  batchMatched(seconds: number, size: number): void {
    this.matchSeconds.observe(seconds);
    this.matchSize.observe(size);
  }

  /** The text a Prometheus scrape gets, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

import type { Member, Nudge } from "../domain/index.js";
import type { Delivery, Messenger, SendOutcome } from "../ports/index.js";
import type { Deps } from "./shared/context.js";

export interface DeliverOptions {
  /** Identifies this runner's leases (process id, host). */
  owner: string;
  /** Most nudges claimed per round. */
  batch?: number;
  /** How long a claim holds before another runner may take the nudge. */
  leaseMs?: number;
  /** Attempts before a nudge is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A send that has not answered after this long counts as a failed attempt. */
  sendTimeoutMs?: number;
  /** Waits between timer-driven steps (the send timeout); the default uses real timers. */
  timer?: (ms: number) => Promise<void>;
}

export interface DeliverReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Nudges whose recipients left or were forgotten since they were written. */
  dropped: number;
  /** Nudges put back because the platform rate-limited us (not counted as attempts). */
  postponed: number;
  /** When the platform asked us to come back; the runner waits until then before sending more. */
  rateLimitedUntil: Date | null;
}

/** Exponential backoff with a cap; a platform's Retry-After wins when it is longer. */
export function backoffMs(attempt: number, base: number, max: number, retryAfterMs?: number): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.max(exp, retryAfterMs ?? 0);
}

/**
 * One round of the outbox: claim what is due, deliver through the messenger, mark each sent,
 * or schedule a retry with backoff, or mark it failed after `maxAttempts` (or at once when the
 * platform says retrying cannot help). A rate-limit answer is not a failure: the nudge goes
 * back unchanged, due when the platform said, and the round stops sending. Recipients who left
 * get nothing (their nudges are cancelled).
 * Safe to run from several processes at once: a lease keeps each nudge with one runner.
 */
export async function deliverDue(deps: Deps, messenger: Messenger, opts: DeliverOptions): Promise<DeliverReport> {
  const { owner, batch = 100, leaseMs = 60_000, maxAttempts = 8, baseBackoffMs = 30_000, maxBackoffMs = 3_600_000 } = opts;
  const now = deps.clock.now();
  const claimed = await deps.store.outbox.claimDue(now, batch, owner, new Date(now.getTime() + leaseMs));
  const report: DeliverReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, dropped: 0, postponed: 0, rateLimitedUntil: null };
  const people = await recipientsOf(deps, claimed);
  for (const n of claimed) {
    if (report.rateLimitedUntil) {
      // The platform asked us to wait: hand the rest back untouched for the next round.
      await deps.store.outbox.postpone(n.id, owner, n.dueAt);
      continue;
    }
    const to = n.to.map((id) => people.get(`${n.communityId}\u0000${id}`));
    if (!to.every((m): m is Member => m !== undefined && !m.forgotten && m.status !== "opted_out")) {
      await deps.store.outbox.markCancelled(n.id, owner, "recipient left");
      report.dropped++;
      continue;
    }
    const outcome = await sendWithTimeout(messenger, { key: `${n.communityId}/${n.key}`, attempt: n.attempts + 1, communityId: n.communityId, to, notice: n.notice }, opts);
    const at = deps.clock.now();
    if (outcome.ok) {
      if (await deps.store.outbox.markSent(n.id, owner, at)) report.sent++;
      continue;
    }
    if (outcome.retryAfterMs !== undefined && outcome.permanent !== true) {
      report.rateLimitedUntil = new Date(at.getTime() + outcome.retryAfterMs);
      await deps.store.outbox.postpone(n.id, owner, report.rateLimitedUntil);
      report.postponed++;
      continue;
    }
    const attempt = n.attempts + 1;
    const final = outcome.permanent === true || attempt >= maxAttempts;
    const retryAt = final ? null : new Date(at.getTime() + backoffMs(attempt, baseBackoffMs, maxBackoffMs, outcome.retryAfterMs));
    await deps.store.outbox.markAttempt(n.id, owner, outcome.error, retryAt);
    if (final) {
      report.failed++;
      deps.log.error({ nudge: n.id, kind: n.kind, attempts: attempt, error: outcome.error }, "nudge failed for good");
    } else {
      report.retried++;
      deps.log.warn({ nudge: n.id, kind: n.kind, attempt, retryAt, error: outcome.error }, "nudge will be retried");
    }
  }
  return report;
}

/** Sends, turning a throw or a send that outlives `sendTimeoutMs` into a failed outcome. */
async function sendWithTimeout(messenger: Messenger, d: Delivery, opts: DeliverOptions): Promise<SendOutcome> {
  const limit = opts.sendTimeoutMs ?? 30_000;
  const wait = opts.timer ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref()));
  let timedOut = false;
  const timeout = wait(limit).then((): SendOutcome => {
    timedOut = true;
    return { ok: false, error: `no answer within ${limit} ms` };
  });
  try {
    const outcome = await Promise.race([messenger.send(d), timeout]);
    return timedOut ? { ok: false, error: `no answer within ${limit} ms` } : outcome;
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Every recipient of a claimed batch, read in one transaction, keyed by community and id. */
async function recipientsOf(deps: Deps, batch: readonly Nudge[]): Promise<Map<string, Member>> {
  if (batch.length === 0) return new Map();
  return deps.store.tx(async (tx) => {
    const out = new Map<string, Member>();
    for (const n of batch) {
      for (const id of n.to) {
        const key = `${n.communityId}\u0000${id}`;
        if (out.has(key)) continue;
        const m = await tx.getMember(n.communityId, id);
        if (m) out.set(key, m);
      }
    }
    return out;
  });
}

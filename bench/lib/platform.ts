import { newMember, type Member, type Nudge } from "../../src/core/domain/index.js";
import type { Delivery, Messenger, SendOutcome, Store } from "../../src/core/ports/index.js";
import { loadCommunity } from "../../src/core/use-cases/shared/context.js";

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

/** Writes a community, `members` members and `n` check-ins due now (one recipient each) in one transaction. */
export async function seedDue(store: Store, communityId: string, n: number, members: number, due: Date): Promise<void> {
  const people: Member[] = Array.from({ length: members }, (_, i) => (newMember({
    id: `${communityId}:m${i}`,
    communityId,
    displayName: `m${i}`,
    timeZone: "UTC",
    timeZoneConfirmed: true,
    createdAt: due,
  })));
  const rows: Nudge[] = Array.from({ length: n }, (_, i) => {
    const to = people[i % members] as Member;
    const other = people[(i + 1) % members] as Member;
    return {
      id: `ndg_${i}`,
      communityId,
      key: `check_in:chat_${i}:${to.id}`,
      to: [to.id],
      kind: "check_in",
      refId: `chat_${i}`,
      dueAt: new Date(due.getTime() - n + i),
      notice: { kind: "check_in", chatId: `chat_${i}`, other: { id: other.id, name: other.displayName, timeZone: "UTC" } },
      status: "pending",
      attempts: 0,
      lastError: null,
      leaseOwner: null,
      leaseUntil: null,
      sentAt: null,
      createdAt: due,
    };
  });
  await store.tx(async (tx) => {
    await loadCommunity(tx, communityId, due);
    for (const m of people) await tx.saveMember(m);
    const added = await tx.addNudges(rows);
    if (added !== n) throw new Error(`seeded ${added} of ${n} nudges`);
  });
}

/**
 * A bot process that only delivers: `node --import tsx delivery-worker.ts <dbUrl> <owner>
 * <platformUrl> <leaseMs> <communityId> [nonce|plain|slack]`. It opens the store, prints "ready", then runs the
 * real outbox runner against an HTTP messenger that passes each nudge's key to the platform
 * as its idempotency key (and, on a retry, first asks whether a message with that key
 * exists), until nothing is pending; then prints "done" and exits 0.
 */
import { LogLevel, webApi } from "@slack/bolt";
import type { Delivery, Messenger, SendOutcome } from "../../src/core/ports/index.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { deliverDue } from "../../src/core/use-cases/index.js";
import { randomIds, systemClock } from "../../src/runtime.js";
import { sameClients } from "../../src/slack/install/clients.js";
import { SlackMessenger } from "../../src/slack/messenger.js";
import { openStore } from "../../src/store/index.js";

const [dbUrl = "", owner = "", platformUrl = "", leaseMs = "1000", communityId = "", mode = "nonce"] = process.argv.slice(2);

/** In "slack" mode the real Slack messenger posts to the fake Slack at `platformUrl` (its Web API base). */
function slackMessenger(): Messenger {
  const options = {
    slackApiUrl: platformUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 50 },
  };
  const client = new webApi.WebClient("xoxb-crash-test", options);
  const poster = new webApi.WebClient("xoxb-crash-test", { ...options, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  return new SlackMessenger(sameClients({ client, poster }), silentLogger);
}

const plain: Messenger = {
  async send(d: Delivery): Promise<SendOutcome> {
    // After a possibly-lost try, look before posting again (what the Slack adapter does with metadata).
    if (mode === "plain" && d.attempt > 1) {
      const found = await fetch(`${platformUrl.replace(/\/send$/, "/find")}?key=${encodeURIComponent(d.key)}`);
      if (((await found.json()) as { found?: boolean }).found === true) return { ok: true };
    }
    const res = await fetch(platformUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: d.key, kind: d.notice.kind, to: d.to.map((m) => m.id) }),
    });
    return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  },
};

const messenger = mode === "slack" ? slackMessenger() : plain;
const store = await openStore(dbUrl);
const deps = { store, clock: systemClock, ids: randomIds, log: silentLogger };
console.log("ready");
for (;;) {
  const r = await deliverDue(deps, messenger, { owner, batch: 25, leaseMs: Number(leaseMs), combine: false, concurrency: 8 });
  if (r.claimed > 0) continue;
  const left = await store.tx((tx) => tx.listNudges(communityId, { status: ["pending"] }));
  if (left.length === 0) break;
  // Someone else's lease (or a dead process's) still holds the rest: wait for it to expire.
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await store.close();
console.log("done");

import type { App } from "@slack/bolt";
import { countMalformed } from "../../app/faults.js";
import type { Logger } from "../../core/ports/index.js";
import { parseSlackObject } from "./parse.js";

/**
 * Socket Mode's counterpart of the HTTP guard: each envelope's payload is parsed before Bolt
 * handles it. An unreadable one is logged, counted and acked (so Slack does not redeliver it),
 * and goes no further. The connection itself is authenticated by the app token.
 */
export function guardSocketEvents(app: App, log: Logger): void {
  const inner = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const parsed = parseSlackObject(event.body);
    if (parsed.kind !== "unsupported") return inner(event);
    countMalformed("slack");
    log.warn({ reason: parsed.reason }, "slack socket mode payload could not be read; acked and dropped");
    await event.ack();
  };
}

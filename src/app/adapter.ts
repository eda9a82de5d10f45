import type { Delivery, Messenger, SendOutcome } from "../core/ports/index.js";

/** A chat platform Percolate runs on. Its communities' ids start with `${platform}:`. */
export interface PlatformAdapter {
  readonly platform: "slack" | "discord";
  /** Delivers notices to this platform's members. */
  readonly messenger: Messenger;
  /** Connects and starts receiving commands and interactions. */
  start(): Promise<void>;
  /** Stops receiving, lets in-flight work finish, and disconnects. */
  stop(): Promise<void>;
  /** Whether the platform connection is up now (for /readyz); assumed up when absent. */
  connected?(): boolean;
}

/** Sends each delivery through the adapter that owns its community (by id prefix). */
export class RoutingMessenger implements Messenger {
  constructor(private readonly adapters: readonly PlatformAdapter[]) {}

  async send(d: Delivery): Promise<SendOutcome> {
    const adapter = this.adapters.find((a) => d.communityId.startsWith(`${a.platform}:`));
    if (!adapter) return { ok: false, permanent: true, error: `no adapter runs for community ${d.communityId}` };
    return adapter.messenger.send(d);
  }
}

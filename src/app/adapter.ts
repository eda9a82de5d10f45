import type { ProgramPost } from "../core/domain/index.js";
import type { ChannelEditOutcome, ChannelPostOutcome, Delivery, Messenger, ProgramChannel, SendOutcome } from "../core/ports/index.js";

/** A chat platform Percolate runs on. Its communities' ids start with `${platform}:`. */
export interface PlatformAdapter {
  readonly platform: "slack" | "discord";
  /** Delivers notices to this platform's members. */
  readonly messenger: Messenger;
  /** Puts the front door up in a community's program channel; absent on a platform without channels. */
  readonly programChannel?: ProgramChannel;
  /** Connects and starts receiving commands and interactions. */
  start(): Promise<void>;
  /** Stops receiving, lets in-flight work finish, and disconnects. */
  stop(): Promise<void>;
  /** Whether the platform connection is up now (for /readyz); assumed up when absent. */
  connected?(): boolean;
  /**
   * What the platform says now about a member's admin standing in a community (its admin flag,
   * and the member's role ids), for the dashboard's admin check on each request; cached briefly.
   * Null when the platform can't answer (not its community, an outage): the facts recorded at
   * sign-in stand then.
   */
  adminFacts?(communityId: string, memberId: string): Promise<{ platformAdmin: boolean; roles: string[] } | null>;
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

/** The program channel of the adapter that owns each community (by id prefix), for the shared deps. */
export class RoutingProgramChannel implements ProgramChannel {
  constructor(private readonly adapters: readonly PlatformAdapter[]) {}

  private of(communityId: string): ProgramChannel | undefined {
    return this.adapters.find((a) => communityId.startsWith(`${a.platform}:`))?.programChannel;
  }

  async postFrontDoor(communityId: string, channelId: string): Promise<ChannelPostOutcome> {
    const c = this.of(communityId);
    return c ? c.postFrontDoor(communityId, channelId) : { ok: false, error: `no channels for community ${communityId}` };
  }

  async updateFrontDoor(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    const c = this.of(communityId);
    return c
      ? c.updateFrontDoor(communityId, channelId, messageId)
      : { ok: false, error: `no channels for community ${communityId}`, gone: false };
  }

  async pin(communityId: string, channelId: string, messageId: string): Promise<ChannelEditOutcome> {
    const c = this.of(communityId);
    return c ? c.pin(communityId, channelId, messageId) : { ok: false, error: `no channels for community ${communityId}`, gone: false };
  }

  async postProgramPost(channelId: string, post: ProgramPost): Promise<ChannelPostOutcome> {
    const c = this.of(post.communityId);
    return c ? c.postProgramPost(channelId, post) : { ok: false, error: `no channels for community ${post.communityId}` };
  }
}

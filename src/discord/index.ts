import type { PlatformAdapter } from "../app/adapter.js";
import type { Config } from "../config.js";
import type { Deps } from "../core/use-cases/index.js";

/** The Discord adapter (discord.js). */
export function createDiscordAdapter(_config: Config, _deps: Deps): PlatformAdapter {
  throw new Error("DISCORD_TOKEN is set, but this build has no Discord adapter yet; unset it to use the terminal");
}

import type { PlatformAdapter } from "../app/adapter.js";
import type { Config } from "../config.js";
import type { Deps } from "../core/use-cases/index.js";

/** The Slack adapter (Bolt). */
export function createSlackAdapter(_config: Config, _deps: Deps): PlatformAdapter {
  throw new Error("SLACK_BOT_TOKEN is set, but this build has no Slack adapter yet; unset it to use the terminal");
}

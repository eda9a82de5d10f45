import type { webApi } from "@slack/bolt";
import type { Intake } from "../app/intake.js";
import { isStoreUnavailable, type Logger } from "../core/ports/index.js";
import type { Deps } from "../core/use-cases/index.js";
import { STORE_UNAVAILABLE } from "../text/index.js";
import type { SlackDirectory } from "./actor.js";
import type { SlackTokens } from "./install/tokens.js";

/** What every listener needs: the core's ports, who is who, and a way to finish work after the ack. */
export interface SlackContext {
  deps: Deps;
  directory: SlackDirectory;
  log: Logger;
  /**
   * Runs work after the ack in the adapter's bounded queue: errors are logged, and the adapter
   * waits for pending work when it stops.
   */
  later(what: string, work: () => Promise<unknown>): Promise<void>;
  /** Where commands, clicks and forms are kept before their ack, and run from (src/app/intake.ts). */
  intake: Intake;
  /** The Web API with a workspace's own token, for answers that do not come back through a listener's arguments. */
  clientFor(teamId: string): Promise<Client>;
  /** Each workspace's bot token (forgotten when a workspace uninstalls). */
  tokens: SlackTokens;
}

export type Client = webApi.WebClient;

/** What to show when something broke on our side; the person can simply try again. */
export const SORRY = "Sorry — something went wrong on our side. Please try again in a minute.";

/** The apology for a failure: "try again in a minute" while the database cannot take writes, else SORRY. */
export const sorryFor = (e: unknown): string => (isStoreUnavailable(e) ? STORE_UNAVAILABLE : SORRY);

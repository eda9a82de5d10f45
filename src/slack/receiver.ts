import {
  type CustomRoute,
  type HTTPReceiverOptions,
  HTTPReceiver,
  type LogLevel,
  type Logger,
  SocketModeReceiver,
  type webApi,
} from "@slack/bolt";
import type { Config } from "../config.js";

/** Where Slack posts commands, interactions and events (the manifest's request URLs end so). */
export const EVENTS_PATH = "/slack/events";

export interface ReceiverParts {
  config: Config;
  logger: Logger;
  logLevel: LogLevel;
  /** The Web API options Socket Mode's own client uses (apps.connections.open). */
  socketClientOptions: webApi.WebClientOptions;
  /** Extra HTTP routes beside /slack/events (health and metrics). */
  customRoutes?: CustomRoute[] | undefined;
  /** "Add to Slack": the OAuth routes, installation store and the no-installation answer (install/oauth.ts). */
  oauth?: Partial<HTTPReceiverOptions> | undefined;
}

/**
 * How Slack reaches Percolate: Socket Mode when SLACK_APP_TOKEN is set, else the HTTP receiver
 * on /slack/events (with the install routes in "Add to Slack" mode, and any extra routes).
 */
export function makeReceiver(p: ReceiverParts): HTTPReceiver | SocketModeReceiver {
  const { config, logger, logLevel } = p;
  if (config.SLACK_APP_TOKEN)
    return new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      logLevel,
      installerOptions: { clientOptions: p.socketClientOptions },
    });
  return new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET ?? "",
    endpoints: EVENTS_PATH,
    logger,
    logLevel,
    // A request our listener never acked answers 404 just before Slack's own 3 s limit.
    unhandledRequestTimeoutMillis: 2_900,
    ...(p.customRoutes?.length ? { customRoutes: p.customRoutes } : {}),
    ...(p.oauth ?? {}),
  });
}

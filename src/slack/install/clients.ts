import { webApi } from "@slack/bolt";
import { BoundedMap } from "../../app/bounded-map.js";
import type { SlackTokens } from "./tokens.js";

/** A workspace's Web API clients: `client` queues and retries; `poster` never retries (chat.postMessage). */
export interface WorkspaceClient {
  client: webApi.WebClient;
  poster: webApi.WebClient;
}

/** The clients for a workspace, with its current token. */
export type ClientsFor = (teamId: string) => Promise<WorkspaceClient>;

/** How many workspaces keep their clients at once; the least recently used are dropped. */
const LIMIT = 500;

/**
 * One pair of Web API clients per workspace, made with that workspace's token and kept in a
 * bounded cache. A client waits out a 429 by pausing its own queue, and Slack's rate limits are
 * per workspace, so each workspace has its own: a limit hit in one never holds up another. A
 * new token (a refresh, a reinstall) makes new clients.
 */
export function workspaceClients(tokens: SlackTokens, make: (token: string) => WorkspaceClient, limit = LIMIT): ClientsFor {
  const cache = new BoundedMap<string, { token: string; pair: WorkspaceClient }>(limit);
  return async (teamId) => {
    const token = await tokens.tokenFor(teamId);
    const hit = cache.get(teamId);
    const entry = hit && hit.token === token ? hit : { token, pair: make(token) };
    cache.set(teamId, entry);
    return entry.pair;
  };
}

/** One workspace's clients whatever the team (single-token mode, tests). */
export const sameClients =
  (pair: WorkspaceClient): ClientsFor =>
  async () =>
    pair;

/**
 * Makes a workspace's clients with these options: `client` retries as configured; `poster`
 * never retries, since the outbox retries posts (with a lookup by key) and a 429 comes back to
 * it as when to try again.
 */
export function webClientsWith(options: webApi.WebClientOptions, onRateLimited: () => void): (token: string) => WorkspaceClient {
  return (token) => {
    const client = new webApi.WebClient(token, options);
    const poster = new webApi.WebClient(token, { ...options, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    for (const c of [client, poster]) c.on(webApi.WebClientEvent.RATE_LIMITED, onRateLimited);
    return { client, poster };
  };
}

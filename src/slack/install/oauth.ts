import type { ServerResponse } from "node:http";
import { type HTTPReceiverOptions, webApi } from "@slack/bolt";
import { SecretBox } from "../../app/secret-box.js";
import type { Config } from "../../config.js";
import type { Deps } from "../../core/use-cases/index.js";
import { INSTALL_DONE, INSTALL_FAILED, renderWelcome } from "../../text/index.js";
import { slackStyle } from "../style.js";
import { SlackInstallationStore, type Stored } from "./installation-store.js";
import { notInstalledHandler } from "./not-installed.js";

/** Where a browser starts "Add to Slack", and where Slack sends it back with the code. */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes Percolate asks for: the same list as slack/manifest.json (a test keeps them equal). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "im:write",
  "mpim:write",
  "im:history",
  "mpim:history",
  "users:read",
  "files:write",
  // The program channel: its join and leave events, and the pinned front door.
  "channels:read",
  "groups:read",
  "pins:write",
];

export interface OAuthOptions {
  /** Slack's authorize page (a fake's in tests). */
  authorizationUrl?: string;
  /** Web API client options (slackApiUrl, retries), for oauth.v2.access, token refresh and the welcome DM. */
  clientOptions: webApi.WebClientOptions;
  /** Called after an installation is stored, before the welcome (tokens cache drops the workspace). */
  onStored?: (s: Stored) => void;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** A short page a browser shows after the install, with what to do next. */
function page(res: ServerResponse, status: number, words: { title: string; body: string }): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(words.title)}</title></head><body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.body)}</p></body></html>`;
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(html);
}

/**
 * The HTTP receiver's options for "Add to Slack": Bolt's own OAuth v2 flow (install page,
 * redirect, state verified against a signed state and a browser cookie), Percolate's sealed
 * installation store, and the "reinstall" answer for requests from workspaces without one. The
 * installer gets a welcome DM on a first install.
 */
export function oauthReceiverOptions(
  config: Config,
  deps: Deps,
  o: OAuthOptions,
): { options: Partial<HTTPReceiverOptions>; store: SlackInstallationStore } {
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SECRETS_KEY, PUBLIC_URL } = config;
  if (!SLACK_CLIENT_ID || !SLACK_CLIENT_SECRET || !SLACK_STATE_SECRET || !SECRETS_KEY)
    throw new Error('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SECRETS_KEY: set all four for "Add to Slack"');
  const welcome = async ({ installation: i, first }: Stored): Promise<void> => {
    o.onStored?.({ installation: i, first });
    const to = i.user.id;
    const token = i.bot?.token;
    if (!first || !to || !token) return;
    try {
      const client = new webApi.WebClient(token, o.clientOptions);
      await client.chat.postMessage({ channel: to, text: renderWelcome(slackStyle, i.team?.name) });
    } catch (e) {
      deps.log.warn({ err: e instanceof Error ? e.message : String(e) }, "welcome DM to the installer failed");
    }
  };
  const store = new SlackInstallationStore(deps, new SecretBox(SECRETS_KEY), welcome);
  const installUrl = PUBLIC_URL ? `${PUBLIC_URL}${INSTALL_PATH}` : undefined;
  return {
    store,
    options: {
      clientId: SLACK_CLIENT_ID,
      clientSecret: SLACK_CLIENT_SECRET,
      stateSecret: SLACK_STATE_SECRET,
      scopes: BOT_SCOPES,
      installationStore: store,
      ...(PUBLIC_URL ? { redirectUri: `${PUBLIC_URL}${REDIRECT_PATH}` } : {}),
      installerOptions: {
        installPath: INSTALL_PATH,
        redirectUriPath: REDIRECT_PATH,
        directInstall: true,
        stateVerification: true,
        clientOptions: o.clientOptions,
        ...(o.authorizationUrl ? { authorizationUrl: o.authorizationUrl } : {}),
        callbackOptions: {
          success: (_i, _opts, _req, res) => page(res, 200, INSTALL_DONE),
          failure: (error, _opts, _req, res) => {
            deps.log.warn({ code: error.code, err: error.message }, "slack install refused");
            page(res, 400, INSTALL_FAILED);
          },
        },
      },
      processEventErrorHandler: notInstalledHandler(installUrl, deps.log),
    },
  };
}

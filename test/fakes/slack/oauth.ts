import { randomBytes } from "node:crypto";
import type { SlackState } from "./web-api.js";

/** A bot token the fake issued: whose it is and whether it still works. */
export interface IssuedToken {
  team: string;
  teamName: string;
  botUserId: string;
  status: "live" | "revoked" | "expired";
}

type Params = Record<string, unknown>;
type Answer = Record<string, unknown>;

const s = (v: unknown): string => (typeof v === "string" ? v : "");
const rand = () => randomBytes(9).toString("hex");

/** Which team a user or channel belongs to, for "another team's user" checks. */
function teamOfUser(state: SlackState, id: string): string | null {
  return state.users.get(id)?.team ?? null;
}

/**
 * Slack's OAuth v2 and per-token checks, for many workspaces: a test approves an install for a
 * team (giving a one-time code), `oauth.v2.access` turns the code into a bot token (with a
 * refresh token and a 12-hour expiry when rotation is on), a refresh grant replaces both (the old
 * access token then answers `token_expired`), and every Web API call is checked against its
 * token: unknown → `invalid_auth`, revoked → `token_revoked`, and a user or channel of another
 * team → `user_not_found` / `channel_not_found`, as Slack answers.
 */
export class FakeOAuth {
  readonly tokens = new Map<string, IssuedToken>();
  private readonly codes = new Map<string, { team: string; teamName: string; installer: string }>();
  private readonly refreshTokens = new Map<string, string>();
  /** Turn token rotation on: issued tokens carry a refresh token and expire in `expiresIn` seconds. */
  rotation = false;
  expiresIn = 43_200;
  readonly clientId = "111.222";
  readonly clientSecret = "fake-client-secret";

  constructor(private readonly state: SlackState) {}

  /** A code Slack would hand the browser once the installer approves the app for `team`. */
  approve(team: string, teamName: string, installer: string): string {
    const code = `code-${rand()}`;
    this.codes.set(code, { team, teamName, installer });
    return code;
  }

  /** Uninstall: every token of the team stops working. */
  revoke(team: string): void {
    for (const t of this.tokens.values()) if (t.team === team) t.status = "revoked";
  }

  /** The live bot token of a team (the latest issued), if any. */
  liveToken(team: string): string | undefined {
    return [...this.tokens.entries()].reverse().find(([, t]) => t.team === team && t.status === "live")?.[0];
  }

  private issue(team: string, teamName: string, botUserId: string): Answer {
    const token = `xoxb-${team}-${rand()}`;
    this.tokens.set(token, { team, teamName, botUserId, status: "live" });
    if (!this.rotation) return { access_token: token };
    const refresh = `xoxe-1-${rand()}`;
    this.refreshTokens.set(refresh, token);
    return { access_token: token, refresh_token: refresh, expires_in: this.expiresIn };
  }

  /** oauth.v2.access: a code exchange, or a refresh grant. Authenticated by client id and secret. */
  access(p: Params, basicAuth: string): Answer {
    const [id, secret] = Buffer.from(basicAuth, "base64").toString().split(":");
    const clientId = s(p.client_id) || (id ?? "");
    const clientSecret = s(p.client_secret) || (secret ?? "");
    if (clientId !== this.clientId || clientSecret !== this.clientSecret) return { ok: false, error: "invalid_client_id" };
    if (p.grant_type === "refresh_token") {
      const old = this.refreshTokens.get(s(p.refresh_token));
      const was = old ? this.tokens.get(old) : undefined;
      if (!old || !was || was.status === "revoked") return { ok: false, error: "invalid_refresh_token" };
      this.refreshTokens.delete(s(p.refresh_token));
      was.status = "expired";
      return { ok: true, token_type: "bot", ...this.issue(was.team, was.teamName, was.botUserId) };
    }
    const grant = this.codes.get(s(p.code));
    if (!grant) return { ok: false, error: "invalid_code" };
    this.codes.delete(s(p.code));
    const botUserId = `UBOT${grant.team}`;
    return {
      ok: true,
      ...this.issue(grant.team, grant.teamName, botUserId),
      token_type: "bot",
      scope: "commands,chat:write,im:write,mpim:write,im:history,mpim:history,users:read,files:write",
      bot_user_id: botUserId,
      app_id: "A0FAKE",
      team: { id: grant.team, name: grant.teamName },
      enterprise: null,
      authed_user: { id: grant.installer },
      is_enterprise_install: false,
    };
  }

  /** Why Slack would refuse this call with this token, or null when it goes through. */
  refusal(method: string, token: string, p: Params): Answer | null {
    const t = this.tokens.get(token);
    if (!t) return { ok: false, error: token ? "invalid_auth" : "not_authed" };
    if (t.status === "revoked") return { ok: false, error: "token_revoked" };
    if (t.status === "expired") return { ok: false, error: "token_expired" };
    const foreignUser = (id: string) => {
      const team = teamOfUser(this.state, id);
      return team !== null && team !== t.team;
    };
    if (method === "users.info" && foreignUser(s(p.user))) return { ok: false, error: "user_not_found" };
    if (
      method === "conversations.open" &&
      s(p.users)
        .split(",")
        .some((u) => foreignUser(u.trim()))
    )
      return { ok: false, error: "user_not_found" };
    const channel = s(p.channel) || s(p.channel_id);
    if (channel) {
      const members = this.state.channels.get(channel)?.members ?? (this.state.users.has(channel) ? [channel] : []);
      if (members.some(foreignUser)) return { ok: false, error: "channel_not_found" };
    }
    return null;
  }

  /** auth.test for a token: its team and bot. */
  authTest(token: string): Answer {
    const t = this.tokens.get(token);
    if (!t) return { ok: false, error: "invalid_auth" };
    return {
      ok: true,
      url: `https://${t.team.toLowerCase()}.slack.test/`,
      team: t.teamName,
      user: "percolate",
      team_id: t.team,
      user_id: t.botUserId,
      bot_id: `B${t.team}`,
      is_enterprise_install: false,
    };
  }
}

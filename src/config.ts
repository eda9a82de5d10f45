import cron from "node-cron";
import { z } from "zod";
import { secretsKeyProblem } from "./app/secret-box.js";
import { isValidZone } from "./core/time/index.js";
import { redact } from "./store/url.js";

const optionalSecret = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/**
 * Everything Percolate reads from the environment, read once at start. Each field's message
 * says what to set, so a bad value stops the process with one actionable line.
 */
export const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/percolate.db")
    .refine((u) => /^(file:|memory:|postgres(ql)?:\/\/)/.test(u), "must start with file: (SQLite), postgresql:// or memory:"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      errorMap: () => ({ message: "must be one of fatal, error, warn, info, debug, trace, silent" }),
    })
    .default("info"),
  TZ_DEFAULT: z.string().default("UTC").refine(isValidZone, "must be an IANA time zone such as Europe/Berlin or UTC"),
  /** How often the scheduler runs due nudges, expiries and batch matching (cron syntax). */
  SCHEDULE_CRON: z
    .string()
    .default("* * * * *")
    .refine((v) => cron.validate(v), 'must be a cron expression such as "* * * * *" (every minute) or "*/5 * * * *"'),
  /**
   * How long an acknowledged request stays with the process that took it before another may
   * take it over (the holder renews it while alive); after a crash, the restarted bot or a
   * sibling answers it at most this long after.
   */
  INBOX_LEASE_SECONDS: z.coerce.number({ invalid_type_error: "must be a number of seconds such as 30" }).min(1).max(3600).default(30),
  /** How many messages the scheduler sends at once (never two to the same people at once). */
  DELIVER_CONCURRENCY: z.coerce.number({ invalid_type_error: "must be a number such as 8" }).int().min(1).max(64).default(8),
  /** On SIGTERM or SIGINT, how long the bot may take to finish the work it holds before it exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number({ invalid_type_error: "must be a number of seconds such as 20" }).min(1).max(600).default(20),
  PORT: z.coerce.number({ invalid_type_error: "must be a port number such as 3000" }).int().min(1).max(65535).default(3000),
  /**
   * Where /healthz, /readyz and /metrics are served when Slack does not run over HTTP (then they
   * share Slack's PORT). Empty turns the server off; 0 picks a free port.
   */
  HTTP_PORT: z
    .string()
    .default("8080")
    .refine(
      (v) => v.trim() === "" || (/^\d+$/.test(v.trim()) && Number(v) <= 65535),
      "must be a port number such as 8080, or empty to turn it off",
    )
    .transform((v) => (v.trim() === "" ? null : Number(v))),
  /** The interface HTTP_PORT binds: loopback by default; 0.0.0.0 to let a scraper on another host in (the container image does). */
  HTTP_HOST: z.string().trim().min(1, "must be an interface address such as 127.0.0.1 or 0.0.0.0").default("127.0.0.1"),
  SLACK_BOT_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith("xoxb-"), "must be a bot token starting with xoxb-"),
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith("xapp-"), "must be an app-level token starting with xapp-"),
  SLACK_API_URL: z.string().url("must be a URL such as https://slack.com/api/").default("https://slack.com/api/"),
  /** "Add to Slack" (one deployment, many workspaces): the app's client id, client secret and a secret that signs the install state. */
  SLACK_CLIENT_ID: optionalSecret,
  SLACK_CLIENT_SECRET: optionalSecret,
  SLACK_STATE_SECRET: optionalSecret.refine(
    (v) => v === undefined || v.length >= 16,
    'must be at least 16 random characters (make one with "openssl rand -base64 32")',
  ),
  /** Keys that seal stored platform tokens (AES-256-GCM), newest first, separated by commas. */
  SECRETS_KEY: optionalSecret.refine((v) => v === undefined || secretsKeyProblem(v) === null, {
    message:
      'must be 32 random bytes as base64 or 64 hex digits, newest first, separated by commas (make one with "openssl rand -base64 32")',
  }),
  /** The bot's public base URL (https://percolate.example.org): Slack's OAuth redirect and "reinstall" links start with it. */
  PUBLIC_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v.replace(/\/+$/, "")))
    .optional()
    .refine(
      (v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v),
      "must be the bot's public base URL such as https://percolate.example.org",
    ),
  DISCORD_TOKEN: optionalSecret,
  DISCORD_APPLICATION_ID: optionalSecret.refine(
    (v) => v === undefined || /^\d{15,22}$/.test(v),
    "must be the numeric application id from the Discord developer portal",
  ),
  DISCORD_API_URL: z.string().url("must be a URL such as https://discord.com/api").default("https://discord.com/api"),
  /** Where pair threads open, per guild, until a guild's admin sets `pairChannelId`: "guild:channel,guild:channel". */
  DISCORD_PAIR_CHANNELS: z
    .string()
    .default("")
    .refine(
      (v) => v.trim() === "" || v.split(",").every((p) => /^\s*\d+\s*:\s*\d+\s*$/.test(p)),
      "must be guild:channel pairs of numeric ids, separated by commas",
    ),
});
export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads and checks the environment. The message names the first bad variable and the fix. */
export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) {
    const c = parsed.data;
    const slackProblem = slackModeProblem(c);
    if (slackProblem) return { ok: false, message: slackProblem };
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      return {
        ok: false,
        message: "SLACK_SIGNING_SECRET: set it (from your Slack app's Basic Information page), or set SLACK_APP_TOKEN to use Socket Mode",
      };
    }
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
      return {
        ok: false,
        message: "DISCORD_APPLICATION_ID: set it to your Discord application's id (Developer Portal → General Information)",
      };
    }
    return { ok: true, config: c };
  }
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  // Secrets are never echoed; other values are, with any credentials inside a URL hidden.
  const secret = /TOKEN|SECRET|PASSWORD|KEY/.test(name);
  const value = redact(env[name] ?? "");
  const got = secret ? "" : ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value)})`;
  return { ok: false, message: `${name}: ${issue?.message ?? "invalid value"}${got}` };
}

const OAUTH_VARS = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/** Whether "Add to Slack" (many workspaces, tokens from installs) is on: all three OAuth variables set. */
export const slackOAuth = (c: Config): boolean => OAUTH_VARS.every((k) => c[k] !== undefined);

/**
 * What is missing or contradictory in the Slack variables, as one line naming the fix; null
 * when they make one mode (single token, or "Add to Slack") or none.
 */
function slackModeProblem(c: Config): string | null {
  const set = OAUTH_VARS.filter((k) => c[k] !== undefined);
  if (set.length === 0) return null;
  const missing = OAUTH_VARS.filter((k) => c[k] === undefined);
  if (missing.length > 0)
    return `${missing.join(", ")}: "Add to Slack" needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together; set ${missing.length > 1 ? "them" : "it"}, or unset ${set.join(", ")} to run one workspace with SLACK_BOT_TOKEN`;
  if (c.SLACK_BOT_TOKEN)
    return 'SLACK_BOT_TOKEN: unset it when SLACK_CLIENT_ID is set — with "Add to Slack" every workspace\'s token comes from its install; keep one mode';
  if (c.SLACK_APP_TOKEN)
    return 'SLACK_APP_TOKEN: unset it — "Add to Slack" needs the HTTP receiver (Slack must reach /slack/install and /slack/oauth_redirect), not Socket Mode';
  if (!c.SLACK_SIGNING_SECRET)
    return 'SLACK_SIGNING_SECRET: set it (from your Slack app\'s Basic Information page); "Add to Slack" runs over HTTP';
  if (!c.SECRETS_KEY)
    return 'SECRETS_KEY: set it to seal each workspace\'s token in the database (make one with "openssl rand -base64 32")';
  if (!c.PUBLIC_URL)
    return "PUBLIC_URL: set it to the bot's public base URL (such as https://percolate.example.org); Slack redirects installs to <PUBLIC_URL>/slack/oauth_redirect";
  return null;
}

/** Which adapter `npm start` runs: a platform when its token is set, else the terminal. */
export function chosenAdapters(c: Config): ("slack" | "discord" | "shell")[] {
  const out: ("slack" | "discord" | "shell")[] = [];
  if (c.SLACK_BOT_TOKEN || slackOAuth(c)) out.push("slack");
  if (c.DISCORD_TOKEN) out.push("discord");
  return out.length ? out : ["shell"];
}

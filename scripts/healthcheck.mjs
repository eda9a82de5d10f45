#!/usr/bin/env node
/**
 * The container's HEALTHCHECK: GET /healthz on this machine, exit 0 when it answers 200.
 * The health routes are on Slack's PORT when Slack runs over HTTP (a bot token, or "Add to
 * Slack" with SLACK_CLIENT_ID, and no app token), else on HTTP_PORT (see README "Health and metrics").
 */
const env = process.env;
const slackHttp = Boolean(env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID) && !env.SLACK_APP_TOKEN;
const port = slackHttp ? env.PORT || "3000" : env.HTTP_PORT || "8080";
if (!slackHttp && env.HTTP_PORT === "") {
  console.error("HTTP_PORT is empty, so no health route is served; set it for the health check");
  process.exit(1);
}
const timeout = AbortSignal.timeout(4_000);
fetch(`http://127.0.0.1:${port}/healthz`, { signal: timeout }).then(
  (res) => process.exit(res.status === 200 ? 0 : 1),
  (e) => {
    console.error(`health check failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

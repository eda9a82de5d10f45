import { commandOf, helpText, stripControl, type TextStyle, usageOf } from "../text/index.js";

/** The slash command Percolate answers to; the manifest registers the same name. */
export const COMMAND = "/coffee";

/**
 * Text made inert in Slack mrkdwn: `&`, `<` and `>` become entities, so `<!channel>`,
 * `<@U…>` and `<https://evil|https://zoom.us>` show as the characters typed. (Slack reads
 * `@channel` as a mention only with `link_names`, which Percolate never sets.)
 */
export const escapeMrkdwn = (text: string): string => stripControl(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A plain http(s) link with nothing that could give it a label or end it early. */
const PLAIN_LINK = /^https?:\/\/[^\s<>|]+$/;

/** Slack's style: commands as people type them, `/coffee pick <n>`, in code spans. */
const code = (command: string): string => `\`${COMMAND} ${escapeMrkdwn(command)}\``;

export const slackStyle: TextStyle = {
  surface: "slack",
  cmd: code,
  command: (key, fields) => code(commandOf(key, fields, "slack")),
  usage: (key) => code(usageOf(key, "slack")),
  help: helpText("slack", code, [
    `Forms:           \`${COMMAND} profile\` · \`${COMMAND} volunteer\` · \`${COMMAND} availability\` · \`${COMMAND} request\` open a form · the app's Home tab shows it all`,
  ]),
  user: escapeMrkdwn,
  // `<url>` shows the address itself; anything else is just text.
  link: (url) => (PLAIN_LINK.test(url) ? `<${url.replace(/&/g, "&amp;")}>` : escapeMrkdwn(url)),
};

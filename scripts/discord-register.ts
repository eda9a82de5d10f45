/**
 * npm run discord:register [-- --guild <id> | --global]
 *
 * Registers /coffee with Discord for one guild (instant: use it while developing) or
 * globally (reaches every server within about an hour). Reads DISCORD_TOKEN,
 * DISCORD_APPLICATION_ID and DISCORD_API_URL like the bot; the guild may also come from
 * DISCORD_GUILD_ID. Safe to run again: it replaces the previous registration.
 */
import { REST } from "discord.js";
import { readConfig } from "../src/config.js";
import { registerCommands } from "../src/discord/commands.js";

function argAfter(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const read = readConfig(process.env);
  if (!read.ok) {
    console.error(`Configuration error — ${read.message}`);
    return 2;
  }
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: appId, DISCORD_API_URL: api } = read.config;
  if (!token || !appId) {
    console.error("DISCORD_TOKEN and DISCORD_APPLICATION_ID: set both (Developer Portal → your application → Bot / General Information).");
    return 2;
  }
  const global = process.argv.includes("--global");
  const guild = global ? undefined : (argAfter("--guild") ?? process.env.DISCORD_GUILD_ID);
  if (guild !== undefined && !/^\d{15,22}$/.test(guild)) {
    console.error(
      `--guild: "${guild}" is not a guild id. Copy it from Discord (Developer Mode → right-click the server → Copy Server ID).`,
    );
    return 2;
  }
  const rest = new REST({ api }).setToken(token);
  const r = await registerCommands(rest, appId, guild);
  console.log(
    `Registered /coffee (${r.count} command) for ${r.scope}${guild ? "" : " — it may take up to an hour to appear everywhere; use --guild <id> while developing"}.`,
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`Registering failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);

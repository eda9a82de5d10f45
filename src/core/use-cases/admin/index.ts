export * from "./guard.js";
export * from "./settings.js";
export * from "./tags.js";
export * from "./stats.js";
export * from "./export.js";
export * from "./admins.js";
export * from "./match-now.js";
export * from "./queue.js";

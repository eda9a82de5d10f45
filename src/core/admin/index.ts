export * from "./authorize.js";
export * from "./csv.js";
export * from "./export-tables.js";
export * from "./settings-keys.js";

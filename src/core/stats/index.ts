export * from "./compute.js";
export * from "./figures.js";
export * from "./period.js";
export * from "./report.js";

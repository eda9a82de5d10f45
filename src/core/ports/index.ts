export type * from "./store.port.js";
export type * from "./messenger.port.js";
export type * from "./clock.port.js";
export type * from "./metrics.port.js";
export type * from "./inbox.port.js";
export type { Logger } from "./logger.port.js";
export { silentLogger } from "./logger.port.js";
export { isStoreUnavailable, StoreClosedError, StoreUnavailableError } from "./store-fault.js";
export { noticesOf } from "./messenger.port.js";

export * from "./users";
export * from "./api-keys";
export * from "./audit";
export * from "./programs";
export * from "./members";
export * from "./ledger";
export * from "./offers";
export * from "./transactions";

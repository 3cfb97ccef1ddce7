/** Pure calculation engine of the points ledger: no I/O, no clock (time is always an argument). */
export * from "./allocation";
export * from "./calendar";
export * from "./decimal";
export * from "./errors";
export * from "./expiry";
export * from "./redemption-rules";
export * from "./offers";
export * from "./partners";
export * from "./tiers";

import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt cost; lower only in tests (BCRYPT_COST) to keep them quick. */
const cost = () => Number(process.env.BCRYPT_COST ?? 11);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;
/** A hash at the same cost to compare against when the account does not exist, so timing does not tell. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

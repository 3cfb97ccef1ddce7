import bcrypt from "bcryptjs";

/** bcrypt cost; lower only in tests (BCRYPT_COST) to keep them quick. */
const cost = () => Number(process.env.BCRYPT_COST ?? 11);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A fixed hash to compare against when the account does not exist, so timing does not tell. */
export const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO5I2mT0dLrL3C2y6lXo3tFv4fV6ZpD4e";

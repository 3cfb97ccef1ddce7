import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Partner API secrets are stored encrypted (AES-256-GCM) with a key derived (HKDF-SHA256) from
 * COALITION_ENCRYPTION_KEY, or AUTH_SECRET when that is not set (`npm start` generates one and keeps it
 * beside the data). A stored value is `v1.<iv>.<tag>.<ciphertext>`, base64url; the tag makes any
 * tampering, or a different key, fail loudly instead of sending a wrong secret.
 */
const VERSION = "v1";

function key(): Buffer {
  const material = process.env.COALITION_ENCRYPTION_KEY ?? process.env.AUTH_SECRET;
  if (!material) throw new Error("Set COALITION_ENCRYPTION_KEY (or AUTH_SECRET) to store partner API secrets encrypted.");
  return Buffer.from(hkdfSync("sha256", material, "coalition", "partner-api-secrets", 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("The stored partner secret is not in a known format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

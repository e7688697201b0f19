import { createHash } from "node:crypto";

/** Keys are long random strings: a plain SHA-256 is enough to store them unreadably. */
export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

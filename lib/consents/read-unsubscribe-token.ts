import { errors, jwtVerify } from "jose";
import { AppError } from "../errors";
import { purposeKeySchema } from "./schemas";
import { UNSUBSCRIBE_AUDIENCE, unsubscribeTokenKey } from "./unsubscribe-token-key";

/**
 * The person and purpose an unsubscribe token is for. A forged, altered or malformed token is
 * NOT_FOUND; an expired one is GONE. Pure: reads no database.
 */
export async function readUnsubscribeToken(token: string, now = new Date()): Promise<{ personId: string; purposeKey: string }> {
  if (typeof token !== "string" || token.length > 2000) throw invalid();
  try {
    const { payload } = await jwtVerify(token, unsubscribeTokenKey(), {
      algorithms: ["HS256"],
      audience: UNSUBSCRIBE_AUDIENCE,
      currentDate: now,
      requiredClaims: ["sub", "exp", "pur"],
    });
    const purposeKey = purposeKeySchema.safeParse(payload.pur);
    if (!payload.sub || !purposeKey.success) throw invalid();
    return { personId: payload.sub, purposeKey: purposeKey.data };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError("GONE", "unsubscribe token expired", { userMessage: "unsubscribeExpired" });
    throw invalid();
  }
}

const invalid = () => new AppError("NOT_FOUND", "unsubscribe token invalid", { userMessage: "unsubscribeInvalid" });

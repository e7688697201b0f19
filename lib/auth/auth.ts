// next-auth (Auth.js v5) configuration: email magic links, database sessions.
// The only module that configures next-auth; pages use the guards in ./guards.ts.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Nodemailer from "next-auth/providers/nodemailer";
import { hashIp } from "../audit/actor";
import { authorizeSignIn, staffSsoProvider } from "./authorize-sign-in";
import { getConfig } from "../config";
import { db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { log } from "../log";
import { clientIpFrom } from "./client-ip";
import { createUserForEmail } from "./create-user-for-email";
import { recordSignIn } from "./record-sign-in";
import { recordSignOut } from "./record-sign-out";
import { sessionPayload } from "./session-payload";
import { SESSION_MAX_AGE_SECONDS } from "../sessions/create-session";
import { sendSignInLinkEmail } from "./sign-in-email";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; personId: string | null; email: string };
  }
}

export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const config = getConfig();
  const prisma = await db();
  const base = PrismaAdapter(prisma);
  const adapter: Adapter = {
    ...base,
    createUser: (user) => createUserForEmail(user, config.ADMIN_EMAILS, prisma) as never,
  };
  const ip = request ? clientIpFrom(request.headers) : null;
  return {
    adapter,
    secret: config.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      Nodemailer({
        // Messages go through lib/email (SMTP_URL or the local outbox), not this transport.
        server: config.SMTP_URL ?? "smtp://localhost:25",
        from: config.EMAIL_FROM,
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        sendVerificationRequest: sendSignInLinkEmail,
      }),
      // Staff single sign-on, when OIDC_* is configured (lib/auth/staff-sso.ts).
      ...(config.oidc ? [staffSsoProvider(config.oidc)] : []),
    ],
    callbacks: {
      signIn: (params) => authorizeSignIn(params as Parameters<typeof authorizeSignIn>[0], config, prisma),
      session: sessionPayload,
    },
    events: {
      async signIn({ user, account }) {
        if (user.id) await recordSignIn(user.id, config.ADMIN_EMAILS, prisma, hashIp(ip, config.AUTH_SECRET!), account?.provider);
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        if (userId) await recordSignOut(userId, prisma);
      },
    },
    logger: {
      // Auth.js messages can carry the address; log the kind only.
      error: (error) => log.error("auth.error", { error: error.name }),
      warn: (code) => log.warn("auth.warning", { code }),
      debug: () => {},
    },
  };
});

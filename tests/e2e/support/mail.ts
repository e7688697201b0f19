import { expect } from "@playwright/test";
import { SMTP_HTTP_PORT } from "./env";

export interface CapturedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export async function emailsTo(address: string): Promise<CapturedEmail[]> {
  const res = await fetch(`http://127.0.0.1:${SMTP_HTTP_PORT}/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as CapturedEmail[];
}

/** Waits for the n-th email to an address (1-based) and returns it. */
export async function waitForEmail(address: string, nth = 1): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(async () => {
      found = (await emailsTo(address))[nth - 1];
      return Boolean(found);
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

/** The first link in a message's text part that contains `pathPart`. */
export function linkIn(email: CapturedEmail, pathPart: string): string {
  const link = email.text.match(/https?:\/\/\S+/g)?.map((l) => l.replace(/[)\]>]+$/, "")).find((l) => l.includes(pathPart));
  if (!link) throw new Error(`no link with ${pathPart} in "${email.subject}"`);
  return link;
}

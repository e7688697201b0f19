// Runs after the whole browser suite (a dependent project): the server's logs must hold none of
// the test persons' emails, names, phone numbers, tokens or keys.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoPersons } from "../../../prisma/seed";
import { E2E_SERVER_LOG } from "../support/env";

test("the server logs of the whole browser suite contain no personal data, tokens or keys", () => {
  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  const find = (label: string, pattern: RegExp) => {
    for (const match of log.matchAll(pattern)) leaks.push(`${label}: …${log.slice(Math.max(0, match.index! - 40), match.index! + match[0].length + 20)}…`);
  };
  find("email address", /[A-Za-z0-9._%+-]+@example\.(com|test)/g);
  for (const p of demoPersons) {
    for (const name of [p.givenName, p.familyName]) find("name", new RegExp(`\\b${name}\\b`, "g"));
    if (p.phone) find("phone", new RegExp(p.phone.replace("+", "\\+"), "g"));
  }
  find("phone", /\+358\d{6,}/g);
  find("token in a URL", /[?&](token|code)=[A-Za-z0-9._~%-]{8,}/g);
  find("webhook secret", /whsec_[A-Za-z0-9+/=]{8,}/g);
  find("session token", /authjs\.session-token=[^;\s]+/g);
  expect(leaks).toEqual([]);
});

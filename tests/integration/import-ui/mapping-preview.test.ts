// The column mapping's reads: sample values per column read from the stored file (UTF-8 with a
// BOM and semicolons, and windows-1252 from an older Excel), the country column's values for the
// value map, and the mapping saved per source fitted to the next file of that source.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getImportMappingPreset } from "@/lib/import/get-import-mapping-preset";
import { previewImportFile } from "@/lib/import/preview-import-file";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff, staffActor } from "../../factories/staff";
import { uniqueSystemKey } from "../../factories/systems";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof createStaff>>;
let newsletter: string;
beforeAll(async () => {
  t = await setupTestDatabase();
  admin = await createStaff(t.database.prisma, "ADMIN");
  newsletter = await createPublishedPurpose();
});
afterAll(async () => t.drop());

const store = async (fileName: string, bytes: Buffer) => storeImportFile({ actor: admin.actor, fileName, body: [bytes] });

/** A Finnish Excel export: BOM, semicolons, country names, 300 rows (more distinct emails than a value set holds). */
function finnishExport(): Buffer {
  const lines = ["Asiakasnumero;Etunimi;Sukunimi;Sähköposti;Maa;Uutiskirje;Y-tunnus"];
  const countries = ["Suomi", "Finland", "Ruotsi", "", "SE"];
  for (let i = 1; i <= 300; i += 1) lines.push([`A${i}`, i % 2 ? "Aino" : "Väinö", `Mäkelä${i % 7}`, `  HENKILO${i}@EXAMPLE.TEST `, countries[i % 5], i % 3 ? "kyllä" : "ei", "1572860-0"].join(";"));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

describe("previewImportFile", () => {
  it("shows the first distinct non-empty values per column, and every value of a column with few of them", async () => {
    const { fileId } = await store("asiakkaat.csv", finnishExport());
    const preview = await previewImportFile({ actor: admin.actor, fileId });
    expect(preview.available).toBe(true);
    expect(preview.rowsRead).toBe(300);
    expect(preview.samples.Etunimi).toEqual(["Aino", "Väinö"]);
    expect(preview.samples.Sähköposti).toEqual(["HENKILO1@EXAMPLE.TEST", "HENKILO2@EXAMPLE.TEST", "HENKILO3@EXAMPLE.TEST", "HENKILO4@EXAMPLE.TEST", "HENKILO5@EXAMPLE.TEST"]);
    // The country column's values in the order first seen, blanks left out: the value map lists them.
    expect(preview.valueSets.Maa).toEqual(["Finland", "Ruotsi", "SE", "Suomi"]);
    expect(preview.valueSets.Uutiskirje).toEqual(["kyllä", "ei"]);
    // 300 distinct emails are more than a value map lists.
    expect(preview.valueSets).not.toHaveProperty("Sähköposti");
    expect(preview.valueSets).not.toHaveProperty("Asiakasnumero");
  });

  it("decodes a windows-1252 file (older Excel) with its recorded encoding", async () => {
    const { fileId } = await store("vanha.csv", Buffer.from("Sähköposti;Etunimi;Maa\r\nx@example.test;Jörö;Ruotsi\r\ny@example.test;Åsa;Suomi\r\n", "latin1"));
    await t.database.prisma.importFile.update({ where: { id: fileId }, data: { encoding: "windows-1252" } });
    const preview = await previewImportFile({ actor: admin.actor, fileId });
    expect(preview.samples.Etunimi).toEqual(["Jörö", "Åsa"]);
    expect(preview.valueSets.Maa).toEqual(["Ruotsi", "Suomi"]);
  });

  it("says the samples are gone once the stored chunks are deleted, and is for admins only", async () => {
    const { fileId } = await store("poistettu.csv", Buffer.from("email;Maa\r\na@example.test;FI\r\n"));
    await t.database.prisma.importFileChunk.deleteMany({ where: { fileId } });
    const preview = await previewImportFile({ actor: admin.actor, fileId });
    expect(preview).toMatchObject({ available: false, rowsRead: 0, samples: { email: [], Maa: [] } });
    await expect(previewImportFile({ actor: staffActor("PRIVACY_OFFICER"), fileId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewImportFile({ actor: admin.actor, fileId: "no-such-file" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getImportMappingPreset", () => {
  it("offers the mapping saved for a source to its next file: columns the file has keep their target, the value map stays", async () => {
    const system = uniqueSystemKey("crm");
    const first = await store("crm-1.csv", finnishExport());
    const mapping = {
      fields: { externalId: "Asiakasnumero", givenName: "Etunimi", familyName: "Sukunimi", email: "Sähköposti", country: "Maa", businessId: "Y-tunnus" },
      consents: { [newsletter]: "Uutiskirje" },
      values: { country: { Ruotsi: "NO" } },
    };
    await startImportJob({ actor: admin.actor, input: { fileId: first.fileId, dryRun: true, system, mapping } });

    // The next export of the same source lost its business ID column and gained a phone column.
    const next = await store("crm-2.csv", Buffer.from("Asiakasnumero;Etunimi;Sukunimi;Sähköposti;Maa;Uutiskirje;Puhelin\r\nA1;Aino;Mäkelä;a@example.test;Suomi;kyllä;0401234567\r\n"));
    const preset = await getImportMappingPreset({ actor: admin.actor, columns: next.columns, system });
    expect(preset).toMatchObject({ system, kept: 6, saved: 7 });
    expect(preset!.mapping).toEqual({
      fields: { externalId: "Asiakasnumero", givenName: "Etunimi", familyName: "Sukunimi", email: "Sähköposti", country: "Maa" },
      consents: { [newsletter]: "Uutiskirje" },
      values: { country: { Ruotsi: "NO" } },
    });
    // Without a source named, the saved mapping that fits the file best is offered.
    const other = uniqueSystemKey("shop");
    await startImportJob({ actor: admin.actor, input: { fileId: first.fileId, dryRun: true, system: other, mapping: { fields: { email: "Sähköposti" }, consents: {} } } });
    expect((await getImportMappingPreset({ actor: admin.actor, columns: next.columns }))?.system).not.toBe(other);
    expect((await getImportMappingPreset({ actor: admin.actor, columns: ["Sähköposti"] }))?.system).toBe(other);
  });

  it("offers nothing when no saved column is in the file, and is for admins only", async () => {
    expect(await getImportMappingPreset({ actor: admin.actor, columns: ["Täysin", "Uudet"] })).toBeNull();
    expect(await getImportMappingPreset({ actor: admin.actor, columns: ["Sähköposti"], system: uniqueSystemKey("none") })).toBeNull();
    await expect(getImportMappingPreset({ actor: staffActor("SUPPORT"), columns: ["Sähköposti"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// "Download my data": the queue builds a ZIP with data.json, CSVs, index.html and a README;
// only the person's own data is in it; only they can download it, until it expires.
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { claimJobs } from "@/lib/queue/claim-jobs";
import { expireDataExports } from "@/lib/requests/expire-data-exports";
import { findPersonExports } from "@/lib/requests/find-person-exports";
import { findPersonRequests } from "@/lib/requests/find-person-requests";
import { getDataExportDownload } from "@/lib/requests/get-data-export-download";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson } from "../../factories/requests";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const DAY = 24 * 60 * 60 * 1000;

describe("download my data", () => {
  it("builds a ZIP of the person's data only, downloadable by them alone until it expires, each download audited", async () => {
    const prisma = t.database.prisma;
    const purposeKey = await createPublishedPurpose();
    const a = await createFullPerson(prisma, purposeKey, "a");
    const b = await createFullPerson(prisma, purposeKey, "b");
    const start = new Date();

    const asked = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: start });
    expect(asked.created).toBe(true);
    // Asking again while it is being built answers the same export.
    expect(await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: start })).toMatchObject({ exportId: asked.exportId, created: false });
    expect((await findPersonExports(a.person.id, start))[0]).toMatchObject({ id: asked.exportId, status: "PENDING", progress: 0 });

    // Its build was queued with the request; two workers at once build it once.
    await Promise.all([runQueue(prisma, start, "worker-1"), runQueue(prisma, start, "worker-2")]);
    expect(await prisma.job.findMany({ where: { kind: "export.build" }, select: { status: true, attempts: true } })).toEqual([{ status: "SUCCEEDED", attempts: 1 }]);
    const exp = await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } });
    expect(exp).toMatchObject({ status: "READY", progress: 100, attempts: 1 });
    expect(exp.expiresAt!.getTime() - start.getTime()).toBe(7 * DAY);
    const request = (await findPersonRequests(a.person.id)).find((r) => r.id === asked.requestId)!;
    expect(request.status).toBe("COMPLETED");
    expect(request.steps.map((s) => s.kind)).toEqual(["received", "export_ready"]);
    expect(await prisma.localEmail.count({ where: { to: a.email, subject: "Your data file is ready" } })).toBe(1);

    const download = await getDataExportDownload({ actor: a.actor, personId: a.person.id, exportId: asked.exportId }, { now: new Date(start.getTime() + DAY) });
    expect(download.filename).toMatch(/^omadata-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(download.content));
    expect(Object.keys(files).sort()).toEqual(
      ["README.txt", "index.html", "data.json", ...["person", "provenance", "organisations", "external_identities", "interactions", "consents", "consent_events", "requests", "request_timeline", "audit_entries"].map((n) => `csv/${n}.csv`)].sort(),
    );
    const text = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));

    const data = JSON.parse(text["data.json"]!);
    expect(data.person).toMatchObject({ id: a.person.id, email: a.email, givenName: a.person.givenName, city: a.person.city, phone: a.person.phone });
    expect(data.organisations).toEqual([expect.objectContaining({ name: a.org.name, role: `Role${a.tag}` })]);
    expect(data.externalIdentities).toEqual([expect.objectContaining({ system: "crm", externalId: `CRM${a.tag}` })]);
    expect(data.interactions).toEqual([expect.objectContaining({ externalId: `ORDER${a.tag}`, amountMinor: 1999 })]);
    expect(data.provenance.map((p: { field: string }) => p.field).sort()).toEqual(["city", "phone"]);
    expect(data.consents.events).toEqual([expect.objectContaining({ purposeKey, status: "GRANTED", receiptJws: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) })]);
    expect(data.consents.events[0].receipt).toMatchObject({ consentReceiptID: data.consents.events[0].id, piiPrincipalId: a.person.id });
    expect(data.requests).toEqual([expect.objectContaining({ id: asked.requestId, type: "ACCESS" })]);
    expect(data.auditEntries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["person.updated", "consent.granted", "request.received"]));

    // Nothing of the other person anywhere in the file.
    const everything = Object.values(text).join("\n");
    for (const secret of [...b.secrets, b.person.id]) expect(everything).not.toContain(secret);
    for (const secret of a.secrets) expect(text["data.json"]).toContain(JSON.stringify(secret).slice(1, -1));

    // Every CSV parses (RFC 4180) with one record per row of data.json.
    const csv = (name: string) => parse(text[`csv/${name}.csv`]!, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(csv("person")).toEqual([expect.objectContaining({ email: a.email, givenName: a.person.givenName })]);
    expect(csv("interactions")).toEqual([expect.objectContaining({ summary: `Summary${a.tag}, "quoted"\nsecond line`, amountMinor: "1999" })]);
    expect(csv("consent_events")).toHaveLength(1);
    expect(csv("audit_entries")).toHaveLength(data.auditEntries.length);
    expect(csv("organisations")[0]).toMatchObject({ name: a.org.name, businessId: a.org.businessId });

    // A browser page and a README, no tool needed.
    expect(text["index.html"]).toMatch(/^<!doctype html>/);
    expect(text["index.html"]).toContain(a.person.givenName!);
    expect(text["index.html"]).toContain("Summary" + a.tag + ", &quot;quoted&quot;");
    expect(text["README.txt"]).toContain("data.json");

    // Another person cannot have it, even with its id.
    const refused = await getDataExportDownload({ actor: b.actor, personId: b.person.id, exportId: asked.exportId }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe("NOT_FOUND");

    // Each download is audited and on the timeline.
    await getDataExportDownload({ actor: a.actor, personId: a.person.id, exportId: asked.exportId }, { now: new Date(start.getTime() + 2 * DAY) });
    expect(await prisma.auditEntry.count({ where: { personId: a.person.id, action: "export.downloaded" } })).toBe(2);
    expect((await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } })).downloads).toBe(2);

    // After seven days it is refused, and the worker deletes the file.
    const later = new Date(start.getTime() + 7 * DAY + 1000);
    const gone = await getDataExportDownload({ actor: a.actor, personId: a.person.id, exportId: asked.exportId }, { now: later }).catch((e) => e);
    expect(gone.code).toBe("GONE");
    expect(await expireDataExports(prisma, later)).toBe(1);
    expect(await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } })).toMatchObject({ status: "EXPIRED", content: null });
    expect(await prisma.auditEntry.count({ where: { personId: a.person.id, action: "export.expired" } })).toBe(1);
  });

  it("takes over an export whose worker stopped once its lease has run out", async () => {
    const prisma = t.database.prisma;
    const purposeKey = await createPublishedPurpose();
    const a = await createFullPerson(prisma, purposeKey, "lease");
    const start = new Date();
    const asked = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: start });
    // A worker took the build on a ten-minute lease and stopped part-way.
    const [taken] = await claimJobs(prisma, { workerId: "dead-worker", now: start, limit: 1, leaseMs: 10 * 60_000, kinds: ["export.build"] });
    expect(taken).toMatchObject({ kind: "export.build", payload: { exportId: asked.exportId } });
    await prisma.dataExport.update({ where: { id: asked.exportId }, data: { status: "BUILDING", claimedBy: "dead-worker", claimedAt: start, attempts: 1 } });
    await runQueue(prisma, new Date(start.getTime() + 60_000), "w");
    expect(await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } })).toMatchObject({ status: "BUILDING", claimedBy: "dead-worker" });
    await runQueue(prisma, new Date(start.getTime() + 11 * 60_000), "w");
    expect(await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } })).toMatchObject({ status: "READY", attempts: 2, claimedBy: "w" });
  });
});

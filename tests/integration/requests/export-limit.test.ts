// "Download my data" is limited to one file per EXPORT_MIN_INTERVAL_HOURS (24 by default) per
// person, in every path that makes one; the refusal writes nothing and the page can say when.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { runChange } from "@/lib/changes/run-change";
import { AppError } from "@/lib/errors";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { getNextExportTime } from "@/lib/requests/get-next-export-time";
import { insertDataRequest } from "@/lib/requests/insert-data-request";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer } from "../../factories/requests";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let purposeKey: string;
beforeAll(async () => {
  t = await setupTestDatabase();
  purposeKey = await createPublishedPurpose();
});
afterAll(async () => {
  overrideConfig({});
  await t.drop();
});

const HOUR = 60 * 60 * 1000;
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

describe("one export per day per person", () => {
  it("refuses a second file within 24 hours, says when the next may be asked, and allows it then", async () => {
    overrideConfig({});
    const prisma = t.database.prisma;
    const a = await createFullPerson(prisma, purposeKey, "limit");
    const start = new Date();
    const first = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: start });
    await prisma.dataExport.update({ where: { id: first.exportId }, data: { status: "READY" } });
    const requests = await prisma.dataRequest.count({ where: { personId: a.person.id } });

    for (const later of [1000, 23 * HOUR]) {
      const error = await refusal(requestDataExport({ actor: a.actor, personId: a.person.id }, { now: new Date(start.getTime() + later) }));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "RATE_LIMITED", options: { userMessage: "exportLimited" } });
    }
    expect(await prisma.dataRequest.count({ where: { personId: a.person.id } })).toBe(requests);
    expect(await getNextExportTime(a.person.id, new Date(start.getTime() + HOUR))).toEqual(new Date(start.getTime() + 24 * HOUR));

    const dayLater = new Date(start.getTime() + 24 * HOUR + 1000);
    expect(await getNextExportTime(a.person.id, dayLater)).toBeNull();
    expect(await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: dayLater })).toMatchObject({ created: true });
  });

  it("does not count a failed build, and follows EXPORT_MIN_INTERVAL_HOURS (0: no limit)", async () => {
    const prisma = t.database.prisma;
    const a = await createFullPerson(prisma, purposeKey, "limit-cfg");
    const start = new Date();
    const failed = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: start });
    await prisma.dataExport.update({ where: { id: failed.exportId }, data: { status: "FAILED" } });
    const again = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: new Date(start.getTime() + 1000) });
    expect(again.created).toBe(true);
    await prisma.dataExport.update({ where: { id: again.exportId }, data: { status: "READY" } });

    overrideConfig({ EXPORT_MIN_INTERVAL_HOURS: "2" });
    expect((await refusal(requestDataExport({ actor: a.actor, personId: a.person.id }, { now: new Date(start.getTime() + HOUR) })))).toMatchObject({ code: "RATE_LIMITED" });
    const third = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: new Date(start.getTime() + 2 * HOUR + 2000) });
    expect(third.created).toBe(true);
    await prisma.dataExport.update({ where: { id: third.exportId }, data: { status: "READY" } });

    overrideConfig({ EXPORT_MIN_INTERVAL_HOURS: "0" });
    expect(await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: new Date(start.getTime() + 2 * HOUR + 3000) })).toMatchObject({ created: true });
    overrideConfig({});
  });

  it("refuses an officer's approval of an access request that would make a second file the same day", async () => {
    overrideConfig({});
    const prisma = t.database.prisma;
    const a = await createFullPerson(prisma, purposeKey, "limit-officer");
    const officer = await createOfficer(prisma);
    const start = new Date();
    const first = await requestDataExport({ actor: a.actor, personId: a.person.id }, { now: start });
    await prisma.dataExport.update({ where: { id: first.exportId }, data: { status: "READY" } });
    const requestId = await runChange(officer.actor, async (tx, now) => {
      const { request, audit } = await insertDataRequest(tx, { actor: officer.actor, now, personId: a.person.id, type: "PORTABILITY", channel: "POST", status: "RECEIVED" });
      return { result: request.id, audit };
    });

    const error = await refusal(approveDataRequest({ actor: officer.actor, input: { requestId } }, { now: new Date(start.getTime() + HOUR) }));
    expect(error).toMatchObject({ code: "RATE_LIMITED", options: { userMessage: "exportLimited" } });
    expect(await prisma.dataRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "RECEIVED" });
    expect(await prisma.dataExport.count({ where: { requestId } })).toBe(0);

    expect(await approveDataRequest({ actor: officer.actor, input: { requestId } }, { now: new Date(start.getTime() + 25 * HOUR) })).toMatchObject({ status: "IN_PROGRESS" });
    expect(await prisma.dataExport.count({ where: { requestId } })).toBe(1);
  });
});

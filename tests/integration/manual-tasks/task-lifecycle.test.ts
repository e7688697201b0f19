// Manual systems' tasks after the request: lifting a restriction gives each manual system holding
// the person a task of its own, and a request closed while its tasks are open (cancelled, denied,
// an erasure completed without them, or closed by the person's erasure) cancels them in the same
// transaction, with an audit entry and the owner told the task is no longer needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { emailJobHandler } from "@/lib/email/email-job";
import { completeManualTask } from "@/lib/manual-tasks/complete-manual-task";
import { createQueueJob } from "@/lib/queue/run-queue";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { denyDataRequest } from "@/lib/requests/deny-data-request";
import { liftRestriction } from "@/lib/requests/lift-restriction";
import { fulfilDataRequest } from "@/lib/requests/fulfil-data-request";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { createOfficer } from "../../factories/requests";
import { createSystem, uniqueSystemKey } from "../../factories/systems";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let officer: Actor;
let erp: { id: string; key: string; ownerEmail: string };
let crm: { id: string; key: string };

beforeAll(async () => {
  t = await setupTestDatabase();
  officer = (await createOfficer(t.database.prisma)).actor;
  const manual = async (label: string) => {
    const ownerEmail = uniqueEmail(`${label}-owner`);
    const key = uniqueSystemKey(label);
    const created = await createSystem({ key, name: `Old ${label}`, manual: true, ownerEmail, manualInstructions: `Customers → search → Delete (${label})` });
    return { id: created.id, key, ownerEmail };
  };
  erp = await manual("erp");
  const crmKey = uniqueSystemKey("crm");
  // Made directly: the domain would resolve the webhook's host, which tests cannot.
  const connected = await t.database.prisma.connectedSystem.create({
    data: { key: crmKey, name: "Our CRM", kind: "CRM", webhookUrl: "https://crm.example.test/hooks", eventTypes: ["person.updated", "person.erased"] },
  });
  crm = { id: connected.id, key: crmKey };
});
afterAll(async () => t.drop());

/** A signed-up person with ids in the ERP (a manual system) and the CRM; none in the ledger. */
async function heldPerson(label: string) {
  const prisma = t.database.prisma;
  const tag = crypto.randomUUID().slice(0, 8);
  const person = await createPerson(prisma, { email: uniqueEmail(label), emailVerifiedAt: new Date() }, [
    { system: erp.key, externalId: `ERP-${tag}` },
    { system: crm.key, externalId: `CRM-${tag}` },
  ]);
  const user = await prisma.user.create({ data: { email: person.email!, personId: person.id } });
  return { person, erpId: `ERP-${tag}`, actor: { kind: "PERSON", id: user.id } as Actor };
}

const tasksOf = (dataRequestId: string) => t.database.prisma.manualTask.findMany({ where: { dataRequestId }, include: { system: { select: { key: true } } } });
const signal = () => new AbortController().signal;
/** One pass of the queue's email handler: queued mail goes to the local outbox (no SMTP_URL in tests). */
const sendQueuedEmails = () => createQueueJob([emailJobHandler]).run(t.database.prisma, new Date(), { workerId: "w", signal: signal() });
const ownerMail = (taskId: string) => t.database.prisma.localEmail.findFirst({ where: { to: erp.ownerEmail, text: { contains: `/admin/tasks/${taskId}` } } });

const statusesOf = async (dataRequestId: string) => (await tasksOf(dataRequestId)).map((task) => [task.kind, task.status]).sort();
const cancelledMail = (taskId: string) =>
  t.database.prisma.localEmail.findFirst({ where: { to: erp.ownerEmail, subject: { startsWith: "Ei enää tarpeen" }, text: { contains: `/admin/tasks/${taskId}` } } });

describe("manual tasks after the request", () => {
  it("lifting a restriction gives the ERP's owner a task to allow processing again, beside the restriction's", async () => {
    const prisma = t.database.prisma;
    const { person, erpId, actor } = await heldPerson("lift");
    const request = await requestRestriction({ actor, personId: person.id, input: { description: "I dispute the accuracy of my address." } });
    await liftRestriction({ actor: officer, input: { requestId: request.id, reason: "The address was checked and is right." } });
    const lifted = (await tasksOf(request.id)).find((task) => task.kind === "RESTRICTION_LIFTED");
    expect(lifted).toMatchObject({ systemId: erp.id, status: "OPEN", externalIds: [erpId], personId: person.id });
    expect(await statusesOf(request.id)).toEqual([["RESTRICTION", "OPEN"], ["RESTRICTION_LIFTED", "OPEN"]]);
    expect(await prisma.auditEntry.count({ where: { action: "manual_task.created", target: `ManualTask:${lifted!.id}`, personId: person.id } })).toBe(1);
    await sendQueuedEmails();
    const mail = await ownerMail(lifted!.id);
    expect(mail!.subject).toBe("Salli henkilön tietojen käsittely uudelleen järjestelmässä Old erp");
    expect(mail!.text).toContain(erpId);
    expect(mail!.text).toContain("18 artiklan 3 kohta");
    // Done like any other task.
    expect(await completeManualTask({ actor: officer, input: { taskId: lifted!.id, note: "Flag removed in the ERP." } })).toMatchObject({ status: "DONE" });
  });

  it("an erasure an officer completes while the ERP's task is open cancels the task; the owner is told it is no longer needed", async () => {
    const prisma = t.database.prisma;
    const { person, erpId, actor } = await heldPerson("erase-closed");
    const request = await requestErasure({ actor, personId: person.id, signedInAt: new Date() });
    await approveDataRequest({ actor: officer, input: { requestId: request.id } });
    const [task] = await tasksOf(request.id);
    expect(task).toMatchObject({ kind: "ERASURE", status: "OPEN" });

    await fulfilDataRequest({ actor: officer, input: { requestId: request.id, note: "The ERP was decommissioned." } });
    expect(await prisma.dataRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "COMPLETED" });
    const cancelled = await prisma.manualTask.findUniqueOrThrow({ where: { id: task!.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", externalIds: [] });
    expect(cancelled.doneAt).not.toBeNull();
    expect(await prisma.auditEntry.findFirst({ where: { action: "manual_task.cancelled", target: `ManualTask:${task!.id}` }, select: { details: true } })).toMatchObject({
      details: { systemId: erp.id, dataRequestId: request.id, kind: "ERASURE" },
    });
    await sendQueuedEmails();
    const mail = await cancelledMail(task!.id);
    expect(mail!.subject).toBe("Ei enää tarpeen: Poista henkilö järjestelmästä Old erp");
    expect(mail!.text).not.toContain(erpId);
    await expect(completeManualTask({ actor: officer, input: { taskId: task!.id, note: "Deleted." } })).rejects.toMatchObject({ code: "CONFLICT", options: { userMessage: "notOpen" } });
  });

  it("a denied request cancels its open tasks, but a restriction's task stands while the person is restricted", async () => {
    const prisma = t.database.prisma;
    // Denied while the person is still restricted: the restriction's task stays open.
    const still = await heldPerson("deny-restricted");
    const kept = await requestRestriction({ actor: still.actor, personId: still.person.id, input: { description: "Stop using my data." } });
    await denyDataRequest({ actor: officer, input: { requestId: kept.id, reason: "No grounds given." } });
    expect(await statusesOf(kept.id)).toEqual([["RESTRICTION", "OPEN"]]);

    // Lifted first, then cancelled: the restriction's task no longer stands, the lifting's does.
    const lifted = await heldPerson("lift-then-deny");
    const request = await requestRestriction({ actor: lifted.actor, personId: lifted.person.id, input: { description: "Stop using my data." } });
    await liftRestriction({ actor: officer, input: { requestId: request.id, reason: "Checked." } });
    // A restriction is in progress from the start: the person can no longer cancel it, an officer closes it.
    await expect(cancelDataRequest({ actor: lifted.actor, personId: lifted.person.id, requestId: request.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await denyDataRequest({ actor: officer, input: { requestId: request.id, reason: "Resolved when the restriction was lifted." } });
    expect(await statusesOf(request.id)).toEqual([["RESTRICTION", "CANCELLED"], ["RESTRICTION_LIFTED", "OPEN"]]);
    const restriction = (await tasksOf(request.id)).find((task) => task.kind === "RESTRICTION")!;
    expect(await prisma.auditEntry.count({ where: { action: "manual_task.cancelled", target: `ManualTask:${restriction.id}` } })).toBe(1);
    await sendQueuedEmails();
    expect((await cancelledMail(restriction.id))!.subject).toBe("Ei enää tarpeen: Rajoita henkilön tietojen käsittelyä järjestelmässä Old erp");
  });

  it("an erasure closes the person's other open requests and cancels their tasks; its own task stays open", async () => {
    const { person, actor } = await heldPerson("erase-others");
    const restriction = await requestRestriction({ actor, personId: person.id, input: { description: "Stop using my data." } });
    const erasure = await requestErasure({ actor, personId: person.id, signedInAt: new Date() });
    await approveDataRequest({ actor: officer, input: { requestId: erasure.id } });
    expect(await t.database.prisma.dataRequest.findUniqueOrThrow({ where: { id: restriction.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await statusesOf(restriction.id)).toEqual([["RESTRICTION", "CANCELLED"]]);
    expect(await statusesOf(erasure.id)).toEqual([["ERASURE", "OPEN"]]);
  });
});

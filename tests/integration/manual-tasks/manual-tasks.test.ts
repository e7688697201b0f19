// Manual systems: a rectification, restriction or erasure gives the owner of each manual system
// holding the person a task and an email with its link; staff mark it done with a note; an
// erasure waits for its tasks as it waits for acknowledging systems, and the last task done
// completes it. The person is told how each system is updated, by name, never by key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { emailJobHandler } from "@/lib/email/email-job";
import { completeManualTask } from "@/lib/manual-tasks/complete-manual-task";
import { findManualTasks } from "@/lib/manual-tasks/find-manual-tasks";
import { getProfile } from "@/lib/persons/get-profile";
import { createQueueJob } from "@/lib/queue/run-queue";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { completeErasure } from "@/lib/requests/complete-erasure";
import { fulfilDataRequest } from "@/lib/requests/fulfil-data-request";
import { getDataRequest } from "@/lib/requests/get-data-request";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestRectification } from "@/lib/requests/request-rectification";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { createOfficer } from "../../factories/requests";
import { createSystem, uniqueSystemKey } from "../../factories/systems";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let officer: Actor;
let erp: { id: string; key: string; ownerEmail: string };
let ledger: { id: string; key: string };
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
  ledger = await manual("ledger");
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

describe("manual systems", () => {
  it("a fulfilled rectification gives the ERP's owner a task and an email with its link; the ledger, which does not hold the person, gets none", async () => {
    const { person, erpId, actor } = await heldPerson("rectify");
    const request = await requestRectification({ actor, personId: person.id, input: { description: "My surname is misspelt in your old ERP." } });
    await approveDataRequest({ actor: officer, input: { requestId: request.id } });
    expect(await tasksOf(request.id)).toEqual([]);
    await fulfilDataRequest({ actor: officer, input: { requestId: request.id, note: "Surname corrected." } });

    const tasks = await tasksOf(request.id);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task).toMatchObject({ systemId: erp.id, personId: person.id, kind: "RECTIFICATION", status: "OPEN", externalIds: [erpId] });
    expect(await t.database.prisma.manualTask.count({ where: { systemId: ledger.id } })).toBe(0);
    expect(await t.database.prisma.auditEntry.count({ where: { action: "manual_task.created", target: `ManualTask:${task!.id}`, personId: person.id } })).toBe(1);

    // The email is queued with the change and arrives once the queue runs.
    expect(await ownerMail(task!.id)).toBeNull();
    await sendQueuedEmails();
    const mail = await ownerMail(task!.id);
    expect(mail!.subject).toContain("Old erp");
    expect(mail!.text).toContain(erpId);
    expect(mail!.text).toContain("Customers → search → Delete (erp)");
    // A rectification's email names the person by their id in the ERP only.
    expect(mail!.text).not.toContain(person.email!);
  });

  it("a restriction gives the ERP's owner a task at once", async () => {
    const { person, erpId, actor } = await heldPerson("restrict");
    const request = await requestRestriction({ actor, personId: person.id, input: { description: "I dispute the accuracy of my address." } });
    const tasks = await tasksOf(request.id);
    expect(tasks.map((task) => [task.system.key, task.kind, task.externalIds])).toEqual([[erp.key, "RESTRICTION", [erpId]]]);
    await sendQueuedEmails();
    // An owner who is not staff here is written to in the default language, Finnish.
    expect((await ownerMail(tasks[0]!.id))!.subject).toBe("Rajoita henkilön tietojen käsittelyä järjestelmässä Old erp");
  });

  it("an erasure waits in AWAITING_SYSTEMS until the ERP's task is done, then completes; the owner alone gets the address", async () => {
    const prisma = t.database.prisma;
    const { person, erpId, actor } = await heldPerson("erase");
    const email = person.email!;
    const request = await requestErasure({ actor, personId: person.id, signedInAt: new Date() });
    expect(await approveDataRequest({ actor: officer, input: { requestId: request.id } })).toMatchObject({ status: "AWAITING_SYSTEMS" });

    // The task was made before the person's data went: it keeps the ERP id, the person row does not.
    const [task, ...more] = await tasksOf(request.id);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ systemId: erp.id, kind: "ERASURE", status: "OPEN", externalIds: [erpId] });
    expect(await prisma.externalIdentity.count({ where: { personId: person.id } })).toBe(0);
    await sendQueuedEmails();
    const mail = await ownerMail(task!.id);
    expect(mail!.text).toContain(email);
    expect(mail!.text).toContain(erpId);

    // The request's propagation names the ERP as pending; worker passes complete nothing.
    const view = await getDataRequest({ actor: officer, requestId: request.id });
    expect(view!.pendingSystems.map((s) => s.id)).toEqual([erp.id]);
    expect(view!.propagation.manualTasks.map((m) => [m.system.name, m.status])).toEqual([["Old erp", "OPEN"]]);
    await runQueue(prisma);
    expect((await prisma.dataRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("AWAITING_SYSTEMS");

    // Only officers mark it done, and only with a note.
    const support = (await createOfficer(prisma, "SUPPORT")).actor;
    await expect(completeManualTask({ actor: support, input: { taskId: task!.id, note: "Deleted." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeManualTask({ actor: officer, input: { taskId: task!.id, note: "  " } })).rejects.toMatchObject({ code: "VALIDATION", options: { fields: { note: "noteRequired" } } });
    await expect(completeManualTask({ actor: officer, input: { taskId: "no-such-task", note: "Deleted." } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await completeManualTask({ actor: officer, input: { taskId: task!.id, note: "Deleted in the ERP by the owner." } })).toEqual({ taskId: task!.id, status: "DONE", erasureCompleted: true });
    expect(await prisma.dataRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "COMPLETED" });
    const done = await prisma.manualTask.findUniqueOrThrow({ where: { id: task!.id } });
    expect(done).toMatchObject({ status: "DONE", note: "Deleted in the ERP by the owner.", doneById: officer.id, externalIds: [] });
    expect(done.doneAt).not.toBeNull();
    const audit = await prisma.auditEntry.findMany({ where: { personId: person.id, action: { in: ["manual_task.created", "manual_task.done", "request.status_changed"] } }, orderBy: { id: "asc" }, select: { action: true, target: true, details: true } });
    expect(audit.map((a) => a.action)).toEqual(["request.status_changed", "manual_task.created", "manual_task.done", "request.status_changed"]);
    expect(audit.at(-1)).toMatchObject({ target: `DataRequest:${request.id}`, details: { from: "AWAITING_SYSTEMS", to: "COMPLETED" } });
    // Nothing of the person is left in the task or the audit trail once it is done.
    expect(JSON.stringify([done, audit])).not.toContain(erpId);
    expect(JSON.stringify([done, audit])).not.toContain(email);

    await expect(completeManualTask({ actor: officer, input: { taskId: task!.id, note: "Again." } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an erasure of a person no manual system holds completes without tasks", async () => {
    const prisma = t.database.prisma;
    const person = await createPerson(prisma, { email: uniqueEmail("unheld"), emailVerifiedAt: new Date() }, [{ system: crm.key, externalId: `CRM-${crypto.randomUUID()}` }]);
    const user = await prisma.user.create({ data: { email: person.email!, personId: person.id } });
    const request = await requestErasure({ actor: { kind: "PERSON", id: user.id }, personId: person.id, signedInAt: new Date() });
    await approveDataRequest({ actor: officer, input: { requestId: request.id } });
    expect(await tasksOf(request.id)).toEqual([]);
    // Nothing holds it up: the completion (the worker's sweep runs it) completes it.
    expect(await completeErasure({ requestId: request.id })).toBe(true);
    expect((await prisma.dataRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("COMPLETED");
  });

  it("the open tasks are listed for staff, and per person", async () => {
    const { person, actor } = await heldPerson("listed");
    await requestRestriction({ actor, personId: person.id, input: { description: "Please stop using my data for now." } });
    const open = await findManualTasks({ actor: officer, filter: { status: "OPEN" } });
    expect(open.filter((task) => task.personId === person.id).map((task) => [task.system.name, task.kind])).toEqual([["Old erp", "RESTRICTION"]]);
    expect(await findManualTasks({ actor: officer, filter: { personId: person.id } })).toHaveLength(1);
    await expect(findManualTasks({ actor, filter: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the profile names each system holding the person and says how it is updated, never by its key", async () => {
    const { person } = await heldPerson("profile");
    await t.database.prisma.externalIdentity.create({ data: { personId: person.id, system: "unregistered-shop", externalId: "S-1" } });
    const profile = await getProfile(person.id);
    expect(profile!.systems.map((s) => [s.name, s.updates]).sort()).toEqual([
      [null, "none"],
      ["Old erp", "manual"],
      ["Our CRM", "automatic"],
    ].sort());
  });

  it("a manual system needs its owner's address and instructions, and gets no webhooks", async () => {
    await expect(createSystem({ manual: true, ownerEmail: "not an address", manualInstructions: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      options: { fields: { ownerEmail: "emailInvalid", manualInstructions: "instructionsRequired" } },
    });
    const created = await createSystem({ manual: true, ownerEmail: " Owner@Example.TEST ", manualInstructions: "Delete by hand.", webhookUrl: "https://x.example.test/h", eventTypes: ["person.updated"], requiresErasureAck: true });
    expect(await t.database.prisma.connectedSystem.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      manual: true, ownerEmail: "owner@example.test", manualInstructions: "Delete by hand.", webhookUrl: null, eventTypes: [], requiresErasureAck: false,
    });
  });
});

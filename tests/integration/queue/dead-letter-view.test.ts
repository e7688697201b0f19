// The back-office's dead-letter view: the queue page (ADMIN only) counts jobs per kind and lists
// the dead ones in words, local times and no ids; the replay action is for admins only, puts the
// job back on the queue, resolves its notice and is audited; the notices list names the job in
// words with a link to the page.
import { isValidElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { outcomeOf, testSession } from "../../support/next-request";

vi.mock("@/lib/auth/auth", async () => {
  const { testSession: session } = await import("../../support/next-request");
  return { auth: async () => (session.current ? { user: session.current, expires: new Date(Date.now() + 3600_000).toISOString() } : null) };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The real English messages and a formatter in Helsinki time, as a page would have them.
vi.mock("next-intl/server", async () => {
  const { createFormatter } = await import("next-intl");
  const { translatorFor } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async (namespace: never) => translatorFor("en", namespace),
    getFormatter: async () => createFormatter({ locale: "en", timeZone: "Europe/Helsinki" }),
    getLocale: async () => "en",
    getMessages: async () => ({}),
  };
});

const { default: QueuePage } = await import("@/app/admin/queue/page");
const { replayDeadJobAction } = await import("@/app/admin/queue/actions");
const { default: SystemsPage } = await import("@/app/admin/systems/page");
const { enqueueJob } = await import("@/lib/queue/enqueue-job");
const { createQueueJob } = await import("@/lib/queue/run-queue");
const { createStaff } = await import("../../factories/staff");
const { setupTestDatabase } = await import("../../support/test-database");

let t: Awaited<ReturnType<typeof setupTestDatabase>>;
const users = {} as Record<Role, { id: string; email: string }>;
const roles: Role[] = ["CUSTOMER", "SUPPORT", "PRIVACY_OFFICER", "ADMIN"];

beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  t = await setupTestDatabase();
  for (const role of roles) users[role] = (await createStaff(t.database.prisma, role)).user;
});
afterAll(async () => {
  testSession.current = null;
  await t.drop();
});

const signInAs = (role: Role | null) => {
  testSession.current = role ? { id: users[role].id, role, personId: null, email: users[role].email } : null;
};

/** A job of `kind` that fails every try until it is DEAD, with its notice. */
async function deadJob(kind: string, error: string) {
  const prisma = t.database.prisma;
  const id = (await enqueueJob(prisma, { kind, payload: {}, maxAttempts: 1 }))!;
  const failing = { kind, run: async () => Promise.reject(new Error(error)) };
  await createQueueJob([failing], { batch: 10, concurrency: 1, leaseMs: 60_000 }).run(prisma, new Date(), { workerId: "w", signal: new AbortController().signal });
  expect((await prisma.job.findUniqueOrThrow({ where: { id } })).status).toBe("DEAD");
  return id;
}

/** The text a server-rendered tree shows, and the client buttons in it (their props, not rendered). */
function read(node: ReactNode, out = { text: [] as string[], buttons: [] as Record<string, unknown>[] }) {
  if (node === null || node === undefined || typeof node === "boolean") return out;
  if (typeof node === "string" || typeof node === "number") {
    out.text.push(String(node));
    return out;
  }
  if (Array.isArray(node)) {
    for (const child of node) read(child, out);
    return out;
  }
  if (isValidElement<{ children?: ReactNode; label?: string; href?: string }>(node)) {
    if (typeof node.type === "function" && node.type.name === "ActionButton") out.buttons.push(node.props as Record<string, unknown>);
    if (node.props.href) out.text.push(`[${node.props.href}]`);
    read(node.props.children, out);
  }
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe("the dead-letter view", () => {
  it("shows counts per kind and the dead jobs in words, local times and no ids, to admins only", async () => {
    const prisma = t.database.prisma;
    await deadJob("erasure.execute", "CONFLICT: staff account");
    await enqueueJob(prisma, { kind: "email.send", payload: {}, runAt: new Date(Date.now() - 5 * 60_000) });
    await enqueueJob(prisma, { kind: "export.build", payload: {}, runAt: new Date(Date.now() + 60 * 60_000) });

    for (const role of ["SUPPORT", "PRIVACY_OFFICER"] as const) {
      signInAs(role);
      expect(await outcomeOf(() => QueuePage())).toBe("forbidden");
    }
    signInAs("ADMIN");
    const page = read(await QueuePage());
    const text = page.text.join(" | ");
    expect(text).toContain("Job queue");
    // Per kind, in words: the email waits (due five minutes ago), the export is not yet due.
    for (const words of ["Email", "Erasure", "Data export", "5 minutes ago", "Failed for good", "CONFLICT: staff account"]) expect(text).toContain(words);
    // Its times in local format (the job died today, in Helsinki time, short style).
    const today = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeZone: "Europe/Helsinki" }).format(new Date());
    expect(text).toContain(today);
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO);
    expect(text).not.toContain("erasure.execute");
    expect(text).not.toContain("email.send");
    expect(page.buttons).toHaveLength(1);
    expect(page.buttons[0]).toMatchObject({ label: "Replay", namespace: "queueAdmin" });

    // The notices list names the dead job in words, with a link to this page.
    const notices = read(await SystemsPage()).text.join(" | ");
    expect(notices).toContain("A job failed for good: Erasure. See the job queue to replay it.");
    expect(notices).toContain("[/admin/queue]");
  });

  it("replays a dead job for an admin only: due now with all its attempts, its notice resolved, audited", async () => {
    const prisma = t.database.prisma;
    const jobId = await deadJob("email.send", "SMTP is down");
    const notice = await prisma.adminNotice.findFirstOrThrow({ where: { kind: "job.dead", details: { path: ["jobId"], equals: jobId } } });

    for (const role of ["SUPPORT", "PRIVACY_OFFICER"] as const) {
      signInAs(role);
      expect(await outcomeOf(() => replayDeadJobAction(jobId))).toBe("forbidden");
    }
    signInAs(null);
    expect(await outcomeOf(() => replayDeadJobAction(jobId))).toBe("signin");
    expect((await prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("DEAD");
    expect(await prisma.auditEntry.count({ where: { action: "job.replayed" } })).toBe(0);

    signInAs("ADMIN");
    const before = new Date();
    expect(await replayDeadJobAction(jobId)).toEqual({ ok: true, data: { jobId, kind: "email.send" } });
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "PENDING", attempts: 0, finishedAt: null });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await prisma.adminNotice.findUniqueOrThrow({ where: { id: notice.id } })).resolvedAt).not.toBeNull();
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: "job.replayed", target: `Job:${jobId}` } })).toMatchObject({
      actorId: users.ADMIN.id,
      details: { kind: "email.send", attempts: 1, noticesResolved: 1 },
    });

    // Replayed already, or unknown: refused in words, nothing written.
    expect(await replayDeadJobAction(jobId)).toMatchObject({ ok: false, message: "jobNotDead" });
    expect(await replayDeadJobAction("no-such-job")).toMatchObject({ ok: false, message: "jobNotFound" });
    expect(await prisma.auditEntry.count({ where: { action: "job.replayed" } })).toBe(1);
  });
});

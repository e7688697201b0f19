// The sequenced audit log: changes insert entries unsealed and without a lock; the worker's
// sequencer seals committed entries into the hash chain in (transaction, insertion) order, never
// skipping an entry of a transaction still open, and signs checkpoints (C2SP signed notes) with
// the key published in the JWKS; `npm run audit:verify` checks an export against a checkpoint
// with no database.
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { appendAuditEntries } from "@/lib/audit/append-audit-entries";
import { parseCheckpoint, rawEd25519PublicKey, readNotePublicKeys, verifyCheckpointSignature } from "@/lib/audit/checkpoint-note";
import { exportAuditEntries } from "@/lib/audit/export-audit-entries";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { getAuditSealStatus } from "@/lib/audit/get-audit-seal-status";
import { getPublishedJwks } from "@/lib/audit/get-published-jwks";
import { runSequencerPass } from "@/lib/audit/sequence-audit-log";
import { sequenceAuditLogNow, sequencerPass } from "@/lib/audit/sign-audit-checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { verifyAuditExport } from "@/lib/audit/verify-audit-export";
import { runChange } from "@/lib/changes/run-change";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createStaff } from "../../factories/staff";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { setupTestDatabase, testBackend, type TestDatabase } from "../../support/test-database";
import { startWorkerProcess, type WorkerProcess } from "../../support/worker-process";
import { runWritersInParallel } from "../../support/append-audit-writers";

const run = promisify(execFile);

const append = (prisma: PrismaClient, actor: Actor, target: string) =>
  runChange(actor, async () => ({ result: undefined, audit: { action: "test.appended", target, details: { target } } }), { prisma });

async function exportCsv(actor: Actor): Promise<string> {
  let csv = "";
  for await (const part of await exportAuditEntries({ actor, filter: {} })) csv += part;
  return csv;
}

/** The published Ed25519 keys, read from the JWKS as `audit:verify --key jwks.json` reads them. */
const publishedKeys = async () => readNotePublicKeys(JSON.stringify(await getPublishedJwks()));

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 120_000, details: () => string = () => "") {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${details()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the sequenced audit log", () => {
  let t: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    t = await setupTestDatabase();
    prisma = t.database.prisma;
  });
  afterAll(async () => t.drop());

  it("inserts a change's entries unsealed; the sequencer seals them into the chain and signs a checkpoint", async () => {
    await append(prisma, { kind: "SYSTEM", id: "first" }, "a");
    expect(await prisma.auditEntry.findMany({ select: { seq: true, prevHash: true, hash: true } })).toEqual([{ seq: null, prevHash: null, hash: null }]);
    expect(await verifyAuditChain(prisma)).toEqual({ intact: true, entries: 0 });
    const officer = await createStaff(prisma, "PRIVACY_OFFICER");
    expect((await findAuditEntries({ actor: officer.actor, filter: {} })).entries.map((e) => e.seq)).toEqual([null]);
    const before = await getAuditSealStatus({ actor: officer.actor, now: new Date(Date.now() + 5_000) });
    expect(before).toMatchObject({ checkpoint: null, waiting: 1 });
    expect(before.oldestWaitingSeconds).toBeGreaterThanOrEqual(4);

    const sealed = await sequenceAuditLogNow(prisma, { checkpointSeconds: 0 });
    // The first checkpoint made the signing key (its creation is an entry too, committed after "a").
    expect(sealed).toMatchObject({ sealed: 2, checkpoint: { size: 2 } });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { target: "a" } })).toMatchObject({ seq: 1, prevHash: "0".repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: "signing_key.created" } })).toMatchObject({ seq: 2 });
    expect(await verifyAuditChain(prisma)).toEqual({ intact: true, entries: 2 });
    const after = await getAuditSealStatus({ actor: officer.actor });
    expect(after).toMatchObject({ checkpoint: { size: 2 }, waiting: 0, oldestWaitingSeconds: null });

    // A sealed entry stays as it is: the database refuses to seal it again or change it.
    await expect(t.database.withConnection((sql) => sql.query(`UPDATE "AuditEntry" SET "seq" = 99, "hash" = 'x', "prevHash" = 'y' WHERE "seq" = 1`))).rejects.toThrow(/append-only/);
    // Sealing changes only seq and the hashes: an unsealed entry's content cannot be changed with it.
    await append(prisma, { kind: "SYSTEM", id: "first" }, "b");
    await expect(
      t.database.withConnection((sql) => sql.query(`UPDATE "AuditEntry" SET "seq" = 3, "hash" = 'x', "prevHash" = 'y', "action" = 'forged' WHERE "target" = 'b'`)),
    ).rejects.toThrow(/append-only/);
    await sequenceAuditLog(prisma);
    expect(await verifyAuditChain(prisma)).toEqual({ intact: true, entries: 3 });
  });

  it("signs checkpoints in the C2SP signed-note format with the key published in the JWKS", async () => {
    await append(prisma, { kind: "SYSTEM", id: "checkpoint" }, "c");
    const { checkpoint } = await sequenceAuditLogNow(prisma, { checkpointSeconds: 0 });
    expect(checkpoint).not.toBeNull();
    const note = checkpoint!.note;
    const lines = note.split("\n");
    expect(lines[0]).toMatch(/\/audit$/);
    expect(lines[1]).toBe(String(checkpoint!.size));
    expect(Buffer.from(lines[2]!, "base64").toString("hex")).toBe(checkpoint!.rootHash);
    expect(lines[3]).toMatch(/^time \d+$/);
    expect(lines[4]).toBe("");
    expect(lines[5]).toMatch(new RegExp(`^\u2014 ${lines[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} [A-Za-z0-9+/]+=*$`));
    const head = await prisma.auditEntry.findUniqueOrThrow({ where: { seq: checkpoint!.size } });
    expect(head.hash).toBe(checkpoint!.rootHash);

    const jwks = await getPublishedJwks();
    const published = jwks.keys.filter((k) => k.kty === "OKP");
    expect(published).toEqual([expect.objectContaining({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig", kid: checkpoint!.keyId })]);
    expect(published[0]).not.toHaveProperty("d");
    expect(jwks.keys.some((k) => k.kty === "EC" && k.alg === "ES256")).toBe(true);
    const parsed = parseCheckpoint(note);
    expect(verifyCheckpointSignature(parsed, await publishedKeys())).toBe(true);
    // Another key, or a changed size or root, does not verify.
    const stranger = rawEd25519PublicKey(generateKeyPairSync("ed25519").publicKey);
    expect(verifyCheckpointSignature(parsed, [stranger])).toBe(false);
    const forged = note.replace(`\n${checkpoint!.size}\n`, `\n${checkpoint!.size + 1}\n`);
    expect(verifyCheckpointSignature(parseCheckpoint(forged), await publishedKeys())).toBe(false);
    // The private half is sealed with ENCRYPTION_KEY.
    const key = await prisma.signingKey.findUniqueOrThrow({ where: { kid: checkpoint!.keyId } });
    expect(key.use).toBe("audit-checkpoint");
    expect(JSON.stringify(key.publicJwk)).not.toContain('"d"');
    expect(key.encryptedPrivateJwk).not.toContain('"d"');
  });

  it("seals in commit order, and never passes over an entry of a transaction still open: it is sealed once committed", async () => {
    await sequenceAuditLog(prisma);
    const sealedBefore = (await verifyAuditChain(prisma)).entries;
    if (testBackend() === "postgres") {
      // A second connection holds a transaction open with an entry in it.
      const open = new pg.Client({ connectionString: t.url });
      await open.connect();
      try {
        await open.query("BEGIN");
        await open.query(`INSERT INTO "AuditEntry" ("at", "actorKind", "actorId", "action", "target") VALUES (now(), 'SYSTEM', 'open', 'test.appended', 'in-flight')`);
        // A change that starts and commits after it: it is the first committed, so it comes first.
        await append(prisma, { kind: "SYSTEM", id: "later" }, "committed-first");
        const pass = await runSequencerPass(prisma, { wait: true });
        expect(pass?.sealed).toBe(1);
        expect(await prisma.auditEntry.findFirstOrThrow({ where: { target: "committed-first" }, select: { seq: true } })).toEqual({ seq: sealedBefore + 1 });
        // The open one is not passed over: it is not there yet for any pass.
        expect(await prisma.auditEntry.count({ where: { target: "in-flight" } })).toBe(0);
        await open.query("COMMIT");
      } finally {
        await open.end();
      }
    } else {
      // PGlite is one session: a pass waits for the change transaction that is open, then seals its entry.
      await append(prisma, { kind: "SYSTEM", id: "later" }, "committed-first");
      let commit = () => {};
      const opened = new Promise<void>((resolve) => {
        void prisma.$transaction(async (tx) => {
          await appendAuditEntries(tx, { kind: "SYSTEM", id: "open" }, [{ action: "test.appended", target: "in-flight" }]);
          resolve();
          await new Promise<void>((release) => (commit = release));
        });
      });
      await opened;
      const pass = runSequencerPass(prisma, { wait: true });
      commit();
      expect((await pass)?.sealed).toBe(2);
    }
    await sequenceAuditLog(prisma);
    const tail = await prisma.auditEntry.findMany({ where: { seq: { gt: sealedBefore } }, orderBy: { seq: "asc" }, select: { seq: true, target: true } });
    expect(tail).toEqual([
      { seq: sealedBefore + 1, target: "committed-first" },
      { seq: sealedBefore + 2, target: "in-flight" },
    ]);
    expect(await verifyAuditChain(prisma)).toEqual({ intact: true, entries: sealedBefore + 2 });
  });

  it("lets audit:verify find an entry edited, removed or moved in an export, and check it against a signed checkpoint", async () => {
    // Targets no hash, id or time can contain (hex and digits hold no "t"), so a search finds their row only.
    for (const target of ["=SUM(A1)", "target-2", "target-3", "target-4", "target-5"]) await append(prisma, { kind: "SYSTEM", id: "verify" }, target);
    const { checkpoint } = await sequenceAuditLogNow(prisma, { checkpointSeconds: 0 });
    const officer = await createStaff(prisma, "PRIVACY_OFFICER");
    const csv = await exportCsv(officer.actor); // its own audit.exported entry is last, waiting to be sealed
    const keys = await publishedKeys();
    const size = checkpoint!.size;
    expect(verifyAuditExport(csv)).toEqual({ intact: true, entries: size, waiting: 1, checkpoint: null });
    expect(verifyAuditExport(csv, { checkpoint: checkpoint!.note, publicKeys: keys })).toMatchObject({ intact: true, entries: size, checkpoint: { size } });

    const [header, ...rows] = csv.split("\r\n").filter(Boolean);
    const withRows = (r: string[]) => [header, ...r].join("\r\n") + "\r\n";
    const k = rows.findIndex((r) => r.includes("target-3")); // seq k + 1
    expect(k).toBeGreaterThan(0);
    const edited = [...rows];
    edited[k] = edited[k]!.replace("target-3", "target-9");
    expect(verifyAuditExport(withRows(edited))).toMatchObject({ intact: false, brokenAt: k + 1, reason: "content" });
    const removed = rows.filter((_, i) => i !== k);
    expect(verifyAuditExport(withRows(removed))).toMatchObject({ intact: false, brokenAt: k + 1, reason: "gap" });
    const moved = [...rows];
    [moved[k], moved[k + 1]] = [moved[k + 1]!, moved[k]!];
    expect(verifyAuditExport(withRows(moved))).toMatchObject({ intact: false, brokenAt: k + 1 });
    // Renumbered after a removal, the chain's links give it away.
    const renumbered = removed.map((r, i) => (i >= k && i < size - 1 ? r.replace(/^\d+,/, `${i + 1},`) : r));
    expect(verifyAuditExport(withRows(renumbered))).toMatchObject({ intact: false, brokenAt: k + 1, reason: "link" });
    // The last sealed entries cut off: only a checkpoint can tell.
    const cut = rows.slice(0, size - 1);
    expect(verifyAuditExport(withRows(cut))).toMatchObject({ intact: true });
    expect(verifyAuditExport(withRows(cut), { checkpoint: checkpoint!.note, publicKeys: keys })).toMatchObject({ intact: false, reason: "checkpoint_beyond_export" });
    // A checkpoint from another log, or one with its signature from another key.
    const otherKey = rawEd25519PublicKey(generateKeyPairSync("ed25519").publicKey);
    expect(verifyAuditExport(csv, { checkpoint: checkpoint!.note, publicKeys: [otherKey] })).toMatchObject({ intact: false, reason: "checkpoint_signature" });

    // The command line, offline: the export, the checkpoint and the JWKS as files.
    const dir = mkdtempSync(join(tmpdir(), "audit-verify-"));
    const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const good = file("audit.csv", csv);
    const note = file("checkpoint.txt", checkpoint!.note);
    const jwks = file("jwks.json", JSON.stringify(await getPublishedJwks()));
    const cli = (...args: string[]) =>
      run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", ...args], { cwd: process.cwd(), env: { NODE_ENV: "test", PATH: process.env.PATH } }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const ok = await cli(good, note, "--key", jwks);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`consistent with the checkpoint`);
    const bad = await cli(file("edited.csv", withRows(edited)), note, "--key", jwks);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`NOT intact: content at entry ${k + 1}`);
  }, 120_000);

  it("signs a new checkpoint only when the chain has grown and AUDIT_CHECKPOINT_SECONDS have passed", async () => {
    const latest = async () => (await prisma.auditCheckpoint.findFirstOrThrow({ orderBy: { size: "desc" } })).size;
    await sequenceAuditLog(prisma);
    const start = new Date(Date.now() + 60_000); // later than every checkpoint so far (this test runs last)
    const settings = { checkpointSeconds: 30, origin: "portal.example/audit" };
    await append(prisma, { kind: "SYSTEM", id: "interval" }, "d1");
    expect((await sequencerPass(prisma, start, settings)).checkpoint).toMatchObject({ size: await prisma.auditEntry.count() });
    const size = await latest();
    await append(prisma, { kind: "SYSTEM", id: "interval" }, "d2");
    expect((await sequencerPass(prisma, new Date(start.getTime() + 10_000), settings)).checkpoint).toBeNull();
    expect(await latest()).toBe(size);
    expect((await sequencerPass(prisma, new Date(start.getTime() + 30_000), settings)).checkpoint).toMatchObject({ size: size + 1 });
    expect((await sequencerPass(prisma, new Date(start.getTime() + 90_000), settings)).checkpoint).toBeNull(); // nothing new
  });
});

describe("the sequenced audit log when the checkpoint key cannot be opened", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("still seals every entry (a changed ENCRYPTION_KEY stops the checkpoints, not the chain)", async () => {
    const prisma = t.database.prisma;
    // A checkpoint key sealed under some other ENCRYPTION_KEY: it does not open here.
    await prisma.signingKey.create({
      data: { kid: "unopenable", use: "audit-checkpoint", algorithm: "EdDSA", publicJwk: { kty: "OKP", crv: "Ed25519", x: "AAAA", kid: "unopenable" }, encryptedPrivateJwk: "v1.not-a-sealed-key", createdAt: new Date() },
    });
    await append(prisma, { kind: "SYSTEM", id: "sealed-without-key" }, "k1");
    await append(prisma, { kind: "SYSTEM", id: "sealed-without-key" }, "k2");
    const pass = await sequencerPass(prisma, new Date(), { checkpointSeconds: 0, origin: "portal.example/audit" }, { wait: true });
    expect(pass).toMatchObject({ sealed: 2, checkpoint: null });
    expect(await prisma.auditEntry.count({ where: { seq: null } })).toBe(0);
    expect(await verifyAuditChain(prisma)).toEqual({ intact: true, entries: 2 });
    expect(await prisma.auditCheckpoint.count()).toBe(0);
  });
});

describe("the sequenced audit log across processes", () => {
  let t: TestDatabase;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));
    await t.drop();
  });

  it("seals every entry of two concurrent writers, none lost, while two sequencers run; chain and checkpoints verify", async () => {
    const prisma = t.database.prisma;
    if (testBackend() === "postgres") {
      // Two writer processes and two worker processes (each with the sequencer), all at once.
      for (let i = 0; i < 2; i += 1) workers.push(startWorkerProcess(t.url!, { AUDIT_CHECKPOINT_SECONDS: "1" }));
      const workerLogs = () => workers.map((w, i) => `worker ${i}:\n${w.output().slice(-2000)}`).join("\n");
      const sealedAndCheckpointed = async () => {
        const [waiting, total, latest] = await Promise.all([
          prisma.auditEntry.count({ where: { seq: null } }),
          prisma.auditEntry.count(),
          prisma.auditCheckpoint.findFirst({ orderBy: { size: "desc" }, select: { size: true } }),
        ]);
        return waiting === 0 && latest?.size === total;
      };
      // The workers are up and sequencing (a first entry sealed and checkpointed) before the
      // writers start, however slowly the processes start on a busy machine.
      await append(prisma, { kind: "SYSTEM", id: "before-writers" }, "start");
      await waitFor(sealedAndCheckpointed, "the workers to seal a first entry", 120_000, workerLogs);
      await runWritersInParallel(t.url!, 100, ["writer-a", "writer-b"]);
      await waitFor(sealedAndCheckpointed, "the workers to seal everything", 120_000, workerLogs);
      await Promise.all(workers.map((w) => w.kill("SIGTERM")));
      // Anything a worker wrote as it stopped, and a checkpoint of the whole chain.
      await sequenceAuditLogNow(prisma, { checkpointSeconds: 0 });
    } else {
      // PGlite is one process: two concurrent writers and two sequencer loops in it.
      await sequencerPass(prisma, new Date(), { checkpointSeconds: 0, origin: "portal.example/audit" }); // the signing key, made once
      let writing = true;
      const sequencer = async () => {
        while (writing) await sequencerPass(prisma, new Date(), { checkpointSeconds: 0, origin: "portal.example/audit" });
      };
      const loops = [sequencer(), sequencer()];
      await Promise.all(["writer-a", "writer-b"].map(async (id) => {
        for (let i = 0; i < 100; i += 1) await append(prisma, { kind: "SYSTEM", id }, `${id}:${i}`);
      }));
      writing = false;
      await Promise.all(loops);
      await sequenceAuditLogNow(prisma, { checkpointSeconds: 0, origin: "portal.example/audit" });
    }
    const total = await prisma.auditEntry.count();
    expect(await prisma.auditEntry.count({ where: { seq: null } })).toBe(0);
    expect(await verifyAuditChain(prisma)).toEqual({ intact: true, entries: total });
    const entries = await prisma.auditEntry.findMany({ where: { action: "test.appended" }, select: { actorId: true, target: true }, orderBy: { seq: "asc" } });
    for (const writer of ["writer-a", "writer-b"]) {
      expect(new Set(entries.filter((e) => e.actorId === writer).map((e) => e.target)).size).toBe(100);
    }
    const switches = entries.filter((e, i) => i > 0 && e.actorId !== entries[i - 1]!.actorId).length;
    expect(switches).toBeGreaterThan(1);
    const checkpoints = await prisma.auditCheckpoint.findMany({ orderBy: { size: "asc" } });
    expect(checkpoints.length).toBeGreaterThan(1);
    expect(checkpoints.at(-1)!.size).toBe(total);
    const keys = await publishedKeys();
    for (const checkpoint of checkpoints) {
      const parsed = parseCheckpoint(checkpoint.note);
      expect(verifyCheckpointSignature(parsed, keys)).toBe(true);
      expect(parsed.rootHash).toBe((await prisma.auditEntry.findUniqueOrThrow({ where: { seq: checkpoint.size } })).hash);
    }
  }, 300_000);
});

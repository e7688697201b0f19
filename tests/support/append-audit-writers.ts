// Runs tests/integration/support/append-audit.ts as separate writer processes (PostgreSQL only),
// as two app instances would write: each connects, then all start at the same moment.
import { spawn } from "node:child_process";

/** Starts the writer processes, waits until each is connected, then lets them all go at once. */
export async function runWritersInParallel(url: string, count: number, actorIds: string[]): Promise<void> {
  const children = actorIds.map((id) => {
    const child = spawn("npx", ["tsx", "tests/integration/support/append-audit.ts", url, String(count), id], {
      cwd: process.cwd(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      child.on("error", reject);
      child.on("exit", (code) => reject(new Error(`${id} exited ${code} before it was ready: ${stderr}`)));
    });
    const done = new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${id} exited ${code}: ${stderr}`))));
    });
    done.catch(() => {}); // awaited below; a failure before that is reported through `ready`
    return { child, ready, done };
  });
  try {
    await Promise.all(children.map((c) => c.ready));
  } finally {
    for (const { child } of children) child.stdin.end("go\n"); // never leave a writer waiting
  }
  await Promise.all(children.map((c) => c.done));
}

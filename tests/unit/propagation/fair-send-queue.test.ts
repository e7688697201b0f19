import { describe, expect, it } from "vitest";
import { fairSendQueue } from "@/lib/propagation/fair-send-queue";

describe("fairSendQueue", () => {
  it("gives one system every slot while it alone has work, in claim order", () => {
    const queue = fairSendQueue<string>();
    for (let i = 1; i <= 5; i++) queue.push("a", `a${i}`);
    expect([1, 2, 3, 4].map(() => queue.take(4))).toEqual(["a1", "a2", "a3", "a4"]);
    expect(queue.take(4)).toBeUndefined();
    queue.finished("a");
    expect(queue.take(4)).toBe("a5");
    expect(queue.size).toBe(0);
  });

  it("holds a system to its share of the slots while another has work, and takes systems in turn", () => {
    const queue = fairSendQueue<string>();
    for (let i = 1; i <= 6; i++) queue.push("slow", `s${i}`);
    for (let i = 1; i <= 6; i++) queue.push("fast", `f${i}`);
    expect([1, 2, 3, 4].map(() => queue.take(4))).toEqual(["s1", "f1", "s2", "f2"]);
    // Both at their share (2 of 4 slots): nothing more until a try finishes.
    expect(queue.take(4)).toBeUndefined();
    queue.finished("fast");
    expect(queue.take(4)).toBe("f3");
    expect(queue.take(4)).toBeUndefined();
    // The slow system's tries still hang; the fast one's slots keep turning over.
    for (const expected of ["f4", "f5", "f6"]) {
      queue.finished("fast");
      expect(queue.take(4)).toBe(expected);
    }
    expect(queue.size).toBe(4);
  });

  it("gives a system that had all the slots no new one while another waits", () => {
    const queue = fairSendQueue<string>();
    for (let i = 1; i <= 8; i++) queue.push("slow", `s${i}`);
    expect([1, 2, 3, 4].map(() => queue.take(4))).toEqual(["s1", "s2", "s3", "s4"]);
    queue.push("fast", "f1");
    queue.finished("slow");
    expect(queue.take(4)).toBe("f1");
    expect(queue.drain()).toEqual(["s5", "s6", "s7", "s8"]);
    expect(queue.size).toBe(0);
  });

  it("keeps a system with work a moment ago at its share, between two claims of its deliveries", () => {
    let now = 0;
    const queue = fairSendQueue<string>(() => now);
    queue.push("fast", "f1");
    for (let i = 1; i <= 6; i++) queue.push("slow", `s${i}`);
    expect([1, 2, 3].map(() => queue.take(4))).toEqual(["f1", "s1", "s2"]);
    queue.finished("fast");
    now = 500;
    // Nothing of the fast system waits, but it had work just now: the slow one stays at 2 of 4.
    expect(queue.take(4)).toBeUndefined();
    now = 1_600;
    expect(queue.take(4)).toBe("s3");
    expect(queue.take(4)).toBe("s4");
  });
});

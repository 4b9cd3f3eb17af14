/**
 * One command at a time per rig: a second command for a rig waits until the first has finished (its read-back
 * included), so two faces cannot interleave writes to one miner. Different rigs do not wait for each other.
 */
export type RigQueue = {
  run<T>(rigId: string, task: () => Promise<T>): Promise<T>;
  /** Commands queued or running for this rig. */
  pending(rigId: string): number;
};

export function createRigQueue(): RigQueue {
  const tails = new Map<string, { tail: Promise<void>; count: number }>();
  return {
    run(rigId, task) {
      const slot = tails.get(rigId) ?? { tail: Promise.resolve(), count: 0 };
      const result = slot.tail.then(task);
      // A failed command must not block the next one.
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      const next = { tail, count: slot.count + 1 };
      tails.set(rigId, next);
      void tail.then(() => {
        const now = tails.get(rigId);
        if (now === undefined) return;
        if (now.count <= 1) tails.delete(rigId);
        else tails.set(rigId, { tail: now.tail, count: now.count - 1 });
      });
      return result;
    },
    pending: (rigId) => tails.get(rigId)?.count ?? 0,
  };
}

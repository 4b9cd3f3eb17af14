/**
 * A binary min-heap of (due time, key): the one data structure behind the poll ticker, so thousands of rigs need
 * one timer, not one each. Ties pop in insertion order. Rescheduling a key does not search the heap: the caller
 * stamps each entry with the key's current generation and skips entries whose generation is no longer current
 * (lazy deletion), which keeps push and pop at O(log n).
 */
export type DueEntry = { at: number; key: string; gen: number; seq: number };

export type DueQueue = {
  push(at: number, key: string, gen: number): void;
  /** The earliest entry without removing it. */
  peek(): DueEntry | undefined;
  pop(): DueEntry | undefined;
  size(): number;
  /** Drops entries the predicate rejects (the stale generations), when the heap has grown with them. */
  compact(keep: (e: DueEntry) => boolean): void;
};

function before(a: DueEntry, b: DueEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function createDueQueue(): DueQueue {
  let heap: DueEntry[] = [];
  let seq = 0;

  const swap = (i: number, j: number): void => {
    const a = heap[i];
    const b = heap[j];
    if (a === undefined || b === undefined) return;
    heap[i] = b;
    heap[j] = a;
  };

  const up = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = heap[i];
      const above = heap[parent];
      if (child === undefined || above === undefined || !before(child, above)) return;
      swap(i, parent);
      i = parent;
    }
  };

  const down = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      const l = heap[left];
      const r = heap[right];
      const cur = heap[least];
      if (l !== undefined && cur !== undefined && before(l, cur)) least = left;
      const best = heap[least];
      if (r !== undefined && best !== undefined && before(r, best)) least = right;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  };

  return {
    push(at, key, gen) {
      heap.push({ at, key, gen, seq: seq++ });
      up(heap.length - 1);
    },
    peek: () => heap[0],
    pop() {
      const top = heap[0];
      const last = heap.pop();
      if (top === undefined || last === undefined) return undefined;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
      return top;
    },
    size: () => heap.length,
    compact(keep) {
      heap = heap.filter(keep);
      // Re-heapify bottom-up: O(n).
      for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    },
  };
}

// One command at a time per rig, rigs independent of each other, a failure not blocking the next command.
import { describe, expect, it } from 'vitest';
import { createRigQueue } from '../../../../electron/control/rig-queue';

/** A task that runs until the test lets it finish, recording when it started and ended. */
function gate(log: string[], name: string) {
  let open: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    task: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
      return name;
    },
    open: () => open(),
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createRigQueue', () => {
  it('runs a second command for the same rig only after the first has finished', async () => {
    const q = createRigQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const pa = q.run('rig-1', a.task);
    const pb = q.run('rig-1', b.task);
    await flush();
    expect(log).toEqual(['a start']);
    expect(q.pending('rig-1')).toBe(2);
    a.open();
    await expect(pa).resolves.toBe('a');
    await flush();
    expect(log).toEqual(['a start', 'a end', 'b start']);
    b.open();
    await expect(pb).resolves.toBe('b');
    await flush();
    expect(q.pending('rig-1')).toBe(0);
  });

  it('lets different rigs run at the same time', async () => {
    const q = createRigQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const both = Promise.all([q.run('rig-1', a.task), q.run('rig-2', b.task)]);
    await flush();
    expect(log).toEqual(['a start', 'b start']);
    b.open();
    a.open();
    await expect(both).resolves.toEqual(['a', 'b']);
  });

  it('runs the next command after one that failed, and hands the failure to its caller', async () => {
    const q = createRigQueue();
    const failed = q.run('rig-1', () => Promise.reject(new Error('refused')));
    const next = q.run('rig-1', () => Promise.resolve('ran'));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
  });
});

import { describe, expect, it } from 'vitest';

import {
  defaultName,
  foldName,
  nameHolder,
  nameTakenMessage,
  resolveRig,
  uniqueName,
} from '../../../shared/fleet-names';

const facts = {
  workerName: null,
  hostname: null,
  model: 'Antminer L7',
  mac: 'FE:07:26:5B:59:B7',
  serial: 'SN1',
  ip: '10.0.0.7',
};
const fleet = [
  { id: 'a', name: 'rig-07', ip: '10.0.0.7' },
  { id: 'b', name: 'Rig-08', ip: '10.0.0.8' },
  { id: 'c', name: 'L7-X', ip: '10.0.0.9' },
  { id: 'd', name: 'L7-Y', ip: '10.0.0.9' },
];

describe('default rig names', () => {
  it('prefers the pool worker name, then a hostname someone set, then model and MAC', () => {
    expect(defaultName({ ...facts, workerName: ' rig-07 ', hostname: 'rack2-top' })).toBe('rig-07');
    expect(defaultName({ ...facts, hostname: 'rack2-top' })).toBe('rack2-top');
    expect(defaultName(facts)).toBe('L7-5B59B7');
  });

  it('ignores the hostnames miners ship with', () => {
    for (const hostname of ['antminer', 'Antminer', 'AnthillOS', 'localhost', '(none)'])
      expect(defaultName({ ...facts, hostname })).toBe('L7-5B59B7');
  });

  it('falls back to the serial, then the address, when there is no MAC', () => {
    expect(defaultName({ ...facts, mac: null, serial: 'SN-L7-0042' })).toBe('L7-7-0042');
    expect(defaultName({ ...facts, mac: null, serial: null, model: null })).toBe('Rig-10.0.0.7');
  });
});

describe('unique names', () => {
  it('folds ASCII case only, as SQLite NOCASE does', () => {
    expect(foldName(' RIG-07 ')).toBe('rig-07');
    expect(foldName('ÉTÉ')).toBe('ÉtÉ');
  });

  it('finds who holds a name in any case, leaving the rig itself out', () => {
    expect(nameHolder(fleet, 'RIG-07', null)?.id).toBe('a');
    expect(nameHolder(fleet, 'rig-07', 'a')).toBeNull();
    expect(nameTakenMessage('rig-07', { ip: '10.0.0.7' })).toBe('rig-07 is already the name of 10.0.0.7.');
  });

  it('suffixes -2, -3… until free, within 64 characters', () => {
    const taken = new Set(['rig-07', 'rig-07-2']);
    expect(uniqueName('rig-07', (n) => taken.has(n))).toBe('rig-07-3');
    expect(uniqueName('free', (n) => taken.has(n))).toBe('free');
    const long = 'x'.repeat(64);
    const got = uniqueName(long, (n) => n === long);
    expect(got).toHaveLength(64);
    expect(got.endsWith('-2')).toBe(true);
  });
});

describe('resolveRig (the CLI)', () => {
  it('picks by id, then name in any case, then a unique address', () => {
    expect(resolveRig(fleet, 'b').rig?.id).toBe('b');
    expect(resolveRig(fleet, 'rig-08').rig?.id).toBe('b');
    expect(resolveRig(fleet, '10.0.0.7').rig?.id).toBe('a');
  });

  it('refuses an unknown rig, and an address two rigs share, saying which', () => {
    expect(resolveRig(fleet, 'nope').error).toBe('No rig "nope" in the fleet (rigdeck status lists them).');
    expect(resolveRig(fleet, '10.0.0.9').error).toBe('2 rigs are at "10.0.0.9" (c, d); use the id.');
  });
});

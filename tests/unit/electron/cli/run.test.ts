// `rigdeck run`'s argument handling: each action takes only its own flags, and rigs are named by id, name or IP.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../electron/cli/args';
import { paramsFor, pickRigs, resultLine } from '../../../../electron/cli/run';
import { type RigRecord } from '../../../../shared/fleet';

const rig = (id: string, name: string, ip: string): RigRecord => ({
  id,
  name,
  labels: [],
  ip,
  httpPort: 80,
  rpcPort: 4028,
  serial: id,
  mac: null,
  model: 'Antminer L7',
  firmware: 'Vnish',
  firmwareVersion: '1.2.7',
  hostname: null,
  addedAt: 0,
  updatedAt: 0,
  hasOwnPassword: false,
});
const fleet = [
  rig('SN1', 'L7-01', '10.0.0.1'),
  rig('SN2', 'L7-02', '10.0.0.2'),
  rig('SN3', 'L7-02', '10.0.0.3'),
];

describe('paramsFor', () => {
  it('builds each action’s parameters from its flags', () => {
    expect(paramsFor('reboot', {})).toEqual({});
    expect(paramsFor('locate', { on: true })).toEqual({ on: true });
    expect(paramsFor('locate', { off: true })).toEqual({ on: false });
    expect(paramsFor('preset', { name: '3425' })).toEqual({ name: '3425' });
    expect(paramsFor('throttle', { percent: '80' })).toEqual({ percent: 80 });
    expect(paramsFor('overclock', { freq: '600' })).toEqual({ freq: 600, volt: null });
    expect(paramsFor('overclock', { freq: '600', volt: '1350' })).toEqual({ freq: 600, volt: 1350 });
  });

  it('refuses a missing, contradictory, stray or fractional flag', () => {
    expect(() => paramsFor('locate', {})).toThrow('locate needs --on or --off.');
    expect(() => paramsFor('locate', { on: true, off: true })).toThrow('locate needs --on or --off.');
    expect(() => paramsFor('preset', {})).toThrow('preset needs --name.');
    expect(() => paramsFor('stop', { percent: '5' })).toThrow('"stop" takes no --percent.');
    expect(() => paramsFor('overclock', {})).toThrow('overclock needs --freq or --volt.');
    expect(() => paramsFor('throttle', { percent: '80.5' })).toThrow(UsageError);
  });
});

describe('pickRigs', () => {
  it('finds rigs by id, name or IP in the order given; all is the whole fleet', () => {
    expect(pickRigs(fleet, '10.0.0.3, SN1').map((r) => r.id)).toEqual(['SN3', 'SN1']);
    expect(pickRigs(fleet, 'L7-01').map((r) => r.id)).toEqual(['SN1']);
    expect(pickRigs(fleet, 'all')).toHaveLength(3);
  });

  it('refuses an unknown or ambiguous rig', () => {
    expect(() => pickRigs(fleet, 'nope')).toThrow('No rig "nope" in the fleet');
    expect(() => pickRigs(fleet, 'L7-02')).toThrow('2 rigs are named "L7-02" (SN2, SN3); use the id.');
    expect(() => pickRigs(fleet, ' , ')).toThrow('--rigs needs at least one rig.');
  });
});

describe('resultLine', () => {
  it('prints the documented fields', () => {
    const line = resultLine(
      { rigId: 'SN1', outcome: 'done', message: 'Mining stopped.', restartRequired: null },
      fleet[0],
    );
    expect(line).toEqual({
      rig_id: 'SN1',
      name: 'L7-01',
      ip: '10.0.0.1',
      outcome: 'done',
      message: 'Mining stopped.',
      restart_required: null,
    });
  });
});

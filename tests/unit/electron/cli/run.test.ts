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

describe('paramsFor: fans, pools, switch-pool, restore', () => {
  it('builds each action from its flags', () => {
    expect(paramsFor('fan', { fan: 'auto', target: '65' })).toEqual({ mode: 'auto', target: 65, duty: null });
    expect(paramsFor('fan', { fan: 'manual', duty: '80' })).toEqual({
      mode: 'manual',
      target: null,
      duty: 80,
    });
    expect(paramsFor('fan', { fan: 'immersion' })).toEqual({ mode: 'immersion', target: null, duty: null });
    expect(paramsFor('pools', { 'pool-template': 'prohashing', coin: 'Litecoin', region: 'eu' })).toEqual({
      template: { name: 'prohashing', coin: 'litecoin', region: 'eu', account: '' },
    });
    expect(paramsFor('pools', { pool: ['stratum+tcp://a:3333,me,a=scrypt,n=r1', 'b:3333,me'] })).toEqual({
      pools: [
        { url: 'stratum+tcp://a:3333', user: 'me', pass: 'a=scrypt,n=r1' },
        { url: 'b:3333', user: 'me', pass: '' },
      ],
    });
    expect(paramsFor('switch-pool', { index: '2' })).toEqual({ index: 1 });
    expect(paramsFor('restore', { backup: 'abc' })).toEqual({ backupId: 'abc' });
  });

  it('names the flag that is missing, wrong or out of place', () => {
    expect(() => paramsFor('fan', {})).toThrow('fan needs --fan auto|manual|immersion.');
    expect(() => paramsFor('fan', { fan: 'turbo' })).toThrow('--fan must be auto, manual, immersion');
    expect(() => paramsFor('fan', { fan: 'auto' })).toThrow('--fan auto needs --target');
    expect(() => paramsFor('fan', { fan: 'manual', duty: '50', target: '60' })).toThrow('--target goes with');
    expect(() => paramsFor('fan', { fan: 'auto', target: 'hot' })).toThrow('--target must be a whole number');
    expect(() => paramsFor('pools', {})).toThrow('pools needs --pool-template');
    expect(() => paramsFor('pools', { 'pool-template': 'prohashing' })).toThrow('needs --coin NAME');
    expect(() => paramsFor('pools', { 'pool-template': 'nicehash', coin: 'x' })).toThrow(
      '--pool-template must',
    );
    expect(() => paramsFor('pools', { 'pool-template': 'prohashing', coin: 'x', region: 'mars' })).toThrow(
      '--region must be us, eu, asia',
    );
    expect(() => paramsFor('pools', { pool: ['a,b', 'c,d', 'e,f', 'g,h'] })).toThrow(
      '--pool at most 3 times',
    );
    expect(() => paramsFor('pools', { pool: ['nouser'] })).toThrow('--pool needs URL,USER[,PASS]');
    expect(() => paramsFor('pools', { pool: ['a,b'], coin: 'x' })).toThrow(
      '--coin goes with --pool-template',
    );
    expect(() => paramsFor('switch-pool', { index: '4' })).toThrow('--index must be 1, 2 or 3');
    expect(() => paramsFor('restore', {})).toThrow('restore needs --backup ID');
    expect(() => paramsFor('preset', { name: 'x', fan: 'auto' })).toThrow('"preset" takes no --fan.');
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

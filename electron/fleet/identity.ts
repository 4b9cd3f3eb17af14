import { normalizeMac, normalizeSerial } from '../../shared/fleet';

export type Identity = { serial: string | null; mac: string | null };
export type Known = { id: string; serial: string | null; mac: string | null };

/**
 * Which registered rig a device is. Serial first (it survives a network card swap), MAC second (firmware that
 * does not report a serial). The IP is never identity: DHCP hands the same address to another rig tomorrow.
 */
export function matchRig(device: Identity, rigs: readonly Known[]): string | null {
  const serial = normalizeSerial(device.serial);
  const mac = normalizeMac(device.mac);
  if (serial) {
    const bySerial = rigs.find((r) => r.serial === serial);
    if (bySerial) return bySerial.id;
  }
  if (mac) {
    // A rig with a different known serial is a different machine that got this MAC (board swap): no match.
    const byMac = rigs.find((r) => r.mac === mac && (!serial || !r.serial || r.serial === serial));
    if (byMac) return byMac.id;
  }
  return null;
}

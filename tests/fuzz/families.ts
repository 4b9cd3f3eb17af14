/** Every fuzz family, in report order. The vitest run and `npm run fuzz` both take them from here. */
import { cgminerFamily } from './cgminer';
import { contractFamily } from './contract';
import { type AnyFamily, erase } from './family';
import { ipReportFamily } from './ip-report';
import { prohashingLiveFamily, prohashingRestFamily } from './prohashing';
import { vnishFamily } from './vnish';

export function allFamilies(): AnyFamily[] {
  return [
    erase(vnishFamily()),
    erase(cgminerFamily()),
    erase(prohashingRestFamily()),
    erase(prohashingLiveFamily()),
    erase(ipReportFamily()),
    erase(contractFamily()),
  ];
}

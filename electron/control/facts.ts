/** What control needs to judge an action, taken from what the collector already read of the rig. */
import { type RigRecord } from '../../shared/fleet';
import { type RigSnapshot } from '../../shared/rig';
import { type RigDetails } from '../collector/collector';
import { type RigFacts } from './limits';

/** The running firmware's own word first (it changes with an update), else what discovery registered. */
export function rigFacts(
  record: Pick<RigRecord, 'firmwareVersion'>,
  details: Pick<RigDetails, 'model' | 'presets'> | null,
  snapshot: { identity: Pick<RigSnapshot['identity'], 'firmwareVersion'> } | null,
): RigFacts {
  return {
    firmwareVersion: snapshot?.identity.firmwareVersion ?? record.firmwareVersion,
    model: details?.model ?? null,
    presets: details?.presets ?? null,
  };
}

/**
 * Whether a firmware action may go to a rig (limits.ts asks): the file must be staged and sound, and made for
 * this rig's model where it says; a rig whose model is not known yet gets nothing (docs/vnish.md §12).
 */
import { type FirmwareFile } from '../../../shared/firmware';
import { type ModelInfo } from '../../miners/vnish/schemas-info';
import { modelRefusal } from './image';

/** Staged files by id, as the core holds them. */
export type StagedFiles = (fileId: string) => FirmwareFile | null;

export const NO_STAGED_FILES: StagedFiles = () => null;

/** Null when it may be sent; else the reason, ending "nothing was sent". */
export function firmwareRefusal(fileId: string, model: ModelInfo | null, files: StagedFiles): string | null {
  const file = files(fileId);
  if (file === null) return 'No staged firmware file with that id; nothing was sent.';
  if (!file.ok) return `The firmware file was refused (${file.reason ?? 'unsound'}); nothing was sent.`;
  const why = modelRefusal(file.models, model?.model ?? null);
  return why === null ? null : `Firmware not sent: ${why}.`;
}

/** A miner's failure, worded for the person who pressed the button, per rig (the miner's own words kept). */
import { MinerError } from '../miners/errors';

export function failureMessage(error: unknown): string {
  if (!(error instanceof MinerError))
    return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  switch (error.code) {
    case 'miner_error':
      return `The miner refused: ${error.minerMessage?.trim() ?? error.message}`;
    case 'auth':
      return `Cannot log in to the miner (wrong password?): ${error.message}`;
    case 'unreachable':
      return `The miner cannot be reached: ${error.message}`;
    case 'timeout':
      return `The miner did not answer in time: ${error.message}`;
    case 'aborted':
      return 'The command was cancelled.';
    case 'http':
    case 'bad_reply':
      return `The miner answered unexpectedly: ${error.message}`;
  }
}

/**
 * The miner's own word and its output: its failure state with the firmware's code and text, and hashrate below
 * a share of nominal for a time (a rig that is starting or tuning is not judged on hashrate).
 */
import { fmt, type Finding, isMining, MINUTE, type Rule, NONE } from './types';

export const minerFailureRule: Rule = ({ input }) => {
  const { live } = input;
  if (live.minerState !== 'failure') return NONE;
  const code = live.failureCode === null ? '' : ` ${live.failureCode}`;
  const text = live.failureDescription === null ? '' : `: ${live.failureDescription}`;
  return [{ code: 'miner-failure', severity: 'critical', text: `miner failure${code}${text}`, subject: '' }];
};

export const hashrateLowRule: Rule = ({ input, settings }) => {
  const { live } = input;
  const nominal = live.nominalHashrateMhs;
  if (!isMining(input) || live.hashrateMhs === null || nominal === null || nominal <= 0) return NONE;
  const share = live.hashrateMhs / nominal;
  if (share >= settings.hashrateLowShare) return NONE;
  const f: Finding = {
    code: 'hashrate-low',
    severity: 'warning',
    text: `hashrate ${fmt(live.hashrateMhs)} MH/s, ${Math.round(share * 100)} % of nominal ${fmt(nominal)} MH/s`,
    subject: '',
    holdMs: settings.hashrateLowMinutes * MINUTE,
  };
  return [f];
};

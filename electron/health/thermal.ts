/** Overheat: the hottest chip and board against the model's limits (editable in the health settings). */
import { fmt, limitsFor, type Finding, type Rule } from './types';

export const overheatRule: Rule = ({ input, settings }) => {
  const { live } = input;
  const limits = limitsFor(settings, input.model);
  const out: Finding[] = [];
  if (live.chipTempMaxC !== null && live.chipTempMaxC > limits.chipC) {
    const hot = input.snapshot?.chains.find((c) => c.chipTemp.maxC === live.chipTempMaxC);
    const where = hot === undefined ? 'chip' : `chain ${hot.id} chip`;
    out.push({
      code: 'overheat-chip',
      severity: 'critical',
      text: `${where} ${fmt(live.chipTempMaxC)} °C, limit ${fmt(limits.chipC)} °C`,
      subject: '',
    });
  }
  if (live.boardTempMaxC !== null && live.boardTempMaxC > limits.boardC) {
    out.push({
      code: 'overheat-board',
      severity: 'critical',
      text: `board ${fmt(live.boardTempMaxC)} °C, limit ${fmt(limits.boardC)} °C`,
      subject: '',
    });
  }
  return out;
};

import { DEADLINE_RULE_IDS } from '../../services/policy';
import type { DeadlineRuleId } from '../../services/policy';
import { APPEAL_ROWS, OTHER_ROWS, RULES_BY_PRESET } from './deadline-rows';
import { policyOf } from './policy-fixtures';

const ROWS = [...APPEAL_ROWS, ...OTHER_ROWS];

describe('deadline rules of every preset (R-DL-1 … R-DL-6, R-CAL-1, R-CAL-2)', () => {
  it.each(ROWS.map((r) => [r.req, r.preset, r.rule, r.from, r.due, r.workingDays, r.why] as const))(
    '%s: %s %s from %s is due %s (%i working days): %s',
    (_req, preset, rule, from, due, workingDays) => {
      const result = policyOf(preset).deadline(rule as DeadlineRuleId, from);
      if (!result.ok) throw new Error(result.error.message);
      expect({ due: result.value.due, workingDays: result.value.workingDays }).toEqual({ due, workingDays });
    },
  );

  it('R-CAL-1: the issue’s example, test-valley informal appeal from 17 December 2026, is due Tuesday 5 January 2027', () => {
    const result = policyOf('test-valley').deadline('appeal.informal', '2026-12-17');
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ due: '2027-01-05', workingDays: 10, nature: 'deadline' }) });
  });

  it.each(Object.entries(RULES_BY_PRESET))('R-DL-1: %s has exactly the rules its policy gives, and each has a row above', (preset, rules) => {
    expect([...policyOf(preset).rules].sort()).toEqual([...rules].sort());
    const covered = new Set(ROWS.filter((r) => r.preset === preset).map((r) => r.rule));
    expect(rules.filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(Object.entries(RULES_BY_PRESET).flatMap(([preset, rules]) => DEADLINE_RULE_IDS.filter((r) => !rules.includes(r)).map((r) => [preset, r] as const)))(
    'R-DL-2: %s has no %s: POLICY.RULE_NOT_IN_PRESET, saying so',
    (preset, rule) => {
      const policy = policyOf(preset);
      expect(policy.hasRule(rule)).toBe(false);
      const result = policy.deadline(rule, '2027-01-04');
      expect(result).toEqual({ ok: false, error: { code: 'POLICY.RULE_NOT_IN_PRESET', message: expect.stringContaining(`"${rule}"`) } });
    },
  );

  it('R-DL-2: spt has no appeal against the choice of reviewer: the Headteacher’s decision is final (8.2)', () => {
    expect(policyOf('spt').preset.notes.join(' ')).toMatch(/decision is final/);
  });

  it('R-DL-5: a statement date that would move back before the trigger is next year’s', () => {
    // 31 Dec 2028 is a Sunday: back to Friday 29, before a Saturday-30 trigger, so 31 Dec 2029 (a Monday).
    const result = policyOf('hampshire-model').deadline('statement.issue', '2028-12-30');
    expect(result.ok && result.value.due).toBe('2029-12-31');
  });

  it('R-CAL-2: pay.effective is an effective date, kept as it falls; every other rule is a deadline', () => {
    const hampshire = policyOf('hampshire-model');
    const natures = hampshire.rules.map((r) => {
      const d = hampshire.deadline(r, '2027-08-31');
      return [r, d.ok ? d.value.nature : d.error.code];
    });
    expect(Object.fromEntries(natures)).toEqual({
      ...Object.fromEntries(hampshire.rules.map((r) => [r, 'deadline'])),
      'pay.effective': 'effective-date',
    });
  });
});

describe('school settings over the preset’s rules (R-DL-5, R-DL-4)', () => {
  it.each([
    // 31 Oct 2027 is a Sunday, so Friday 29 October: September's 22 working days and October's 21.
    ['hampshire-model', '10-31', '2027-08-31', '2027-10-29', 43],
    ['hampshire-model', '2027-12-24', '2027-08-31', '2027-12-24', 83],
    // A school's 29 February: in 2027 there is none, so 28 February, a Sunday, then back to Friday 26.
    ['hampshire-model', '02-29', '2027-02-15', '2027-02-26', 9],
    ['hampshire-model', '02-29', '2028-02-15', '2028-02-29', 10],
    // test-valley's text has no statement date; a school that sets one gets the rule.
    ['test-valley', '03-31', '2027-02-28', '2027-03-31', 21],
  ])('R-DL-5: %s with the school’s statement date %s, from %s: due %s (%i working days)', (preset, statementDate, from, due, workingDays) => {
    const result = policyOf(preset, { statementDate }).deadline('statement.issue', from);
    expect(result.ok && { due: result.value.due, workingDays: result.value.workingDays }).toEqual({ due, workingDays });
  });

  it('R-DL-4: a school can read spt’s “24/48 hrs” as three working days for written feedback', () => {
    // From Christmas Eve 2026: 29, 30, 31 December.
    const result = policyOf('spt', { ruleDays: { 'observation.written-feedback': 3 } }).deadline('observation.written-feedback', '2026-12-24');
    expect(result.ok && result.value.due).toBe('2026-12-31');
  });
});

import { planRosterImport } from '../../services/roster/roster-plan';
import { addMonths, rosterNotes } from '../../services/roster/roster-notes';
import { csv, fullRoster, ROWS, SCHOOL } from './roster-fixtures';

const TODAY = '2026-11-25';
const plan = (text: string, existing = planned(fullRoster())) => {
  const r = planRosterImport(text, existing, TODAY, SCHOOL);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const planned = (text: string) => {
  const r = planRosterImport(text, [], '2026-01-01', SCHOOL);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.added;
};
const kinds = (text: string, existing = planned(fullRoster())) => rosterNotes(plan(text, existing), TODAY).map((n) => [n.personId, n.kind]);

describe('roster notes for the headteacher (R-ELG-1, R-CYC-3, R-CYC-5, R-CHAT-4)', () => {
  it('addMonths clamps to the end of shorter months', () => {
    expect([addMonths('2026-11-30', 3), addMonths('2027-01-31', 1), addMonths('2026-11-25', -4)]).toEqual(['2027-02-28', '2027-02-28', '2026-07-25']);
  });

  it('R-CHAT-4: a recent starter is flagged for briefing; someone who started years ago is not', () => {
    const starter = 'OF5,Juno Marsh,juno.marsh@example.org,Cook,catering,OF2,permanent,2026-11-02,,no,no,no,no,no,no,,';
    const old = 'OF6,Tobias Wren,tobias.wren@example.org,Cook,catering,OF2,permanent,2015-11-02,,no,no,no,no,no,no,,';
    expect(kinds(csv(ROWS.head, ROWS.sbm, ROWS.ta, ROWS.cleaner, starter, old))).toEqual([['oakfield-of5', 'new-starter']]);
  });

  it('R-ELG-1, R-CYC-3: a contract under one term is outside the scheme; under a year, the cycle is the contract', () => {
    const short = 'OF7,Pip Lowe,pip.lowe@example.org,Cover Supervisor,teaching-support,OF2,fixed-term,2026-11-30,2027-02-12,no,no,no,no,no,no,,';
    const year = 'OF8,Kit Nash,kit.nash@example.org,Cover Supervisor,teaching-support,OF2,fixed-term,2026-11-30,2027-07-23,no,no,no,no,no,no,,';
    expect(kinds(csv(ROWS.head, ROWS.sbm, ROWS.ta, ROWS.cleaner, short, year))).toEqual([
      ['oakfield-of7', 'new-starter'], ['oakfield-of7', 'short-contract'], ['oakfield-of8', 'new-starter'], ['oakfield-of8', 'fixed-term-cycle'],
    ]);
  });

  it('R-CYC-5: a new post or line manager asks the headteacher to decide about the cycle and reviewer', () => {
    const moved = ROWS.cleaner.replace('OF2;OF1', 'OF1');
    expect(kinds(csv(ROWS.head, ROWS.sbm, ROWS.ta, moved))).toEqual([['oakfield-of4', 'transfer']]);
    expect(kinds(fullRoster())).toEqual([]);
  });
});

import { buildCpdSummary, renderCpdSummaryCsv } from '../../services/reports';
import { ROSTER, ROSTER_TERMS, aCase, times } from './report-fixtures';

const alex = ROSTER[0] as (typeof ROSTER)[number];
const CASES = [
  ...times(3, aCase({ trainingNeeds: ['Safeguarding level 2', 'First aid at work'], support: [{ agreed: 'Phonics course', delivered: true }] })),
  aCase({ trainingNeeds: ['safeguarding level 2.', 'Safeguarding level 2'], support: [{ agreed: 'Phonics course', delivered: false }] }),
  aCase({ trainingNeeds: [`Shadow ${alex.name} at lunchtime`], support: [{ agreed: `Mentoring with ${alex.name} (${alex.email})`, delivered: false }] }),
  aCase({ trainingNeeds: [] }),
];

describe('CPD summary for the professional-development manager (R-RPT-3)', () => {
  it('R-RPT-3: training needs grouped, each counted once per person, most common first', () => {
    const summary = buildCpdSummary(CASES, { redact: ROSTER_TERMS });
    expect(summary.needs).toEqual([
      { text: 'Safeguarding level 2', staff: 4 },
      { text: 'First aid at work', staff: 3 },
      { text: 'Shadow [name removed] at lunchtime', staff: 1 },
    ]);
    expect(summary.staffWithNeeds).toBe(5);
  });

  it('R-SUP-1: agreed support not yet delivered, with how many are waiting, and no names', () => {
    const summary = buildCpdSummary(CASES, { redact: ROSTER_TERMS });
    expect(summary.supportNotDelivered).toEqual([
      { text: 'Mentoring with [name removed] ([email removed])', staff: 1 },
      { text: 'Phonics course', staff: 1 },
    ]);
    expect(summary.supportItems).toEqual({ agreed: 5, delivered: 3 });
  });

  it('R-RPT-3: the CSV lists needs then waiting support, with no name, email or id from the roster', () => {
    const csv = renderCpdSummaryCsv(buildCpdSummary(CASES, { redact: ROSTER_TERMS }));
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['Kind,Text,Staff', 'Training need,Safeguarding level 2,4', 'Training need,First aid at work,3']);
    expect(csv).toContain('Agreed support not yet delivered,Phonics course,1');
    expect(ROSTER_TERMS.filter((t) => csv.toLowerCase().includes(t.toLowerCase()))).toEqual([]);
  });
});

import { personSchema } from '../../services/people/person.schema';
import type { EqualityRecord } from '../../services/ports/store.port';
import { buildSubjectAccessExport, renderSubjectAccessHtml } from '../../services/records';

// Equality answers as records held about a person: in their own subject access export (R-PRV-1). Invented
// people, fixed days.

const person = (id: string, leftOn: string | null) => personSchema.parse({ id, schoolId: 'school-1', staffId: `OAK-${id}`, name: `Person ${id}`, email: `${id}@oakfield.example`, startDate: '2015-09-01', leftOn });
const PRIYA = person('p-priya', null);
const answers = (personId: string, source: EqualityRecord['source'] = 'self'): EqualityRecord => ({ schoolId: 'school-1', personId, answers: { gender: 'woman', ageBand: '45-54' }, source, updatedAt: '2027-01-05T09:30:00.000Z' });

describe('a person’s own equality answers in their subject access export (R-PRV-1)', () => {
  it('R-PRV-1: the export holds the answers, where they came from and when, and the page shows them in words', () => {
    const x = buildSubjectAccessExport(PRIYA, [], [], { ...answers('p-priya'), answers: { ethnicity: 'mixed', religionOrBelief: 'prefer-not-to-say' } });
    expect(x.equality).toEqual({ answers: { ethnicity: 'mixed', religionOrBelief: 'prefer-not-to-say' }, source: 'self', updatedAt: '2027-01-05T09:30:00.000Z' });
    const html = renderSubjectAccessHtml(x);
    expect(html).toContain('<h2>Your equality answers</h2>');
    expect(html).toContain('You gave these answers yourself');
    expect(html).toContain('Tuesday 5 January 2027');
    expect(html).toContain('<tr><th scope="row">Ethnic group</th><td>Mixed or multiple ethnic groups</td></tr>');
    expect(html).toContain('<tr><th scope="row">Religion or belief</th><td>Prefer not to say</td></tr>');
    expect(html).toContain('<tr><th scope="row">Gender</th><td>Not answered</td></tr>');
  });

  it('R-PRV-1: answers from the HR file say so', () => {
    expect(renderSubjectAccessHtml(buildSubjectAccessExport(PRIYA, [], [], answers('p-priya', 'import')))).toContain('These answers came from the school’s HR records.');
  });

  it('R-PRV-1: with none held, or only someone else’s, the export says none are held', () => {
    for (const record of [null, answers('p-alex')]) {
      const x = buildSubjectAccessExport(PRIYA, [], [], record);
      expect(x.equality).toBeNull();
      const html = renderSubjectAccessHtml(x);
      expect(html).toContain('We hold no equality answers for you.');
      expect(html).not.toContain('45 to 54');
    }
  });
});

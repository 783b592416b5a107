import { groupTexts, redact } from '../../services/reports';

describe('free text in reports (R-RPT-1, R-RPT-3)', () => {
  it.each([
    ['a full name, in any case', 'Shadow priya lockwood in class', ['Priya Lockwood'], 'Shadow [name removed] in class'],
    ['a name word on its own, capitalised', 'Ask Priya about phonics', ['Priya Lockwood'], 'Ask [name removed] about phonics'],
    ['an email even when not listed', 'Book through a.morgan@oakfield-school.example please', [], 'Book through [email removed] please'],
    ['a payroll id', 'Pay point for OAK-040013 to check', ['OAK-040013'], 'Pay point for [name removed] to check'],
    ['nothing inside a longer word', 'Alexander technique', ['Alex Morgan'], 'Alexander technique'],
    ['nothing when no one is listed', 'First aid at work', [], 'First aid at work'],
  ])('R-RPT-1: redaction removes %s', (_name, text, terms, expected) => {
    expect(redact(text, terms)).toBe(expected);
  });

  it('R-RPT-3: texts saying the same thing are one group, counted once per person, in its commonest spelling', () => {
    const groups = groupTexts([
      ['Safeguarding level 2', 'safeguarding  level 2.'],
      ['Safeguarding level 2'],
      ['SAFEGUARDING LEVEL 2', 'First aid'],
      ['  ', ''],
    ]);
    expect(groups).toEqual([
      { text: 'Safeguarding level 2', count: 3 },
      { text: 'First aid', count: 1 },
    ]);
  });
});

import type { ReportCaseInput } from '../../services/reports';

// Invented people and anonymous cases for the report tests. The roster's names, emails and ids are what the
// reports must never print; tests plant them in free text to prove it.

const FIRST = ['Alex', 'Priya', 'Jordan', 'Nadia', 'Tomasz', 'Grace', 'Oluwaseun', 'Harriet', 'Imran', 'Bethany', 'Callum', 'Siobhan'];
const LAST = ['Morgan', 'Lockwood', 'Pemberton', 'Okonkwo', 'Fairweather', 'Quigley', 'Abernethy', 'Castellano', 'Dunmore', 'Whitlock'];

/** An invented member of staff: everything that identifies them. */
export interface RosterPerson {
  readonly name: string;
  readonly email: string;
  readonly staffId: string;
}

/** 120 invented people, each with a unique name, email and payroll id. */
export const ROSTER: readonly RosterPerson[] = FIRST.flatMap((first, i) =>
  LAST.map((last, j) => ({ name: `${first} ${last}`, email: `${first}.${last}@oakfield-school.example`.toLowerCase(), staffId: `OAK-${String(40_000 + i * 97 + j * 13).padStart(6, '0')}` })),
);

/** Every identifying string of the roster, as the school passes them for removal from free text. */
export const ROSTER_TERMS: readonly string[] = ROSTER.flatMap((p) => [p.name, p.email, p.staffId]);

/** Training needs as staff write them. */
export const NEEDS = ['Safeguarding level 2', 'First aid at work', 'Phonics training', 'Supporting pupils with autism', 'Spreadsheet skills', 'Leading small reading groups'];

/** An anonymous case, closed with a Met assessment and an increment, unless overridden. */
export function aCase(overrides: Partial<ReportCaseInput> = {}): ReportCaseInput {
  return {
    stage: 'closed',
    deadlines: [],
    moderation: { approved: 1, referredBack: 0 },
    finalRating: 'met',
    pay: 'increment',
    trainingNeeds: [],
    support: [],
    appeals: [],
    partTime: false,
    equality: null,
    ...overrides,
  };
}

/** `n` copies of a case. */
export const times = (n: number, c: ReportCaseInput): ReportCaseInput[] => Array.from({ length: n }, () => c);

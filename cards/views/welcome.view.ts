import { Verbs } from '../verbs';
import type { ActionView, SectionView } from './view.types';

/** Who is being welcomed, as far as the roster knows them. */
export interface WelcomeInput {
  /** null when the person is not (yet) on any school's roster. */
  person: { firstName: string; schoolName: string; roles: ReadonlySet<string> } | null;
}

/** The welcome / help card, for Teams and Slack alike. */
export interface WelcomeView {
  title: string;
  intro: string;
  sections: SectionView[];
  note: string | null;
  actions: ActionView[];
}

/** Builds the welcome card: what the product does and what this person can do with it. */
export function welcomeView(input: WelcomeInput): WelcomeView {
  const intro =
    'I help you and your reviewer through your appraisal (Individual Performance Planning): your self-assessment, ' +
    'objectives, interim and final reviews and statements, with a reminder before each deadline.';
  if (!input.person) {
    return {
      title: 'Hello, I’m your appraisal assistant',
      intro,
      sections: [],
      note: 'I can’t find you on your school’s staff list yet. Please ask your headteacher or school office to add you; then say "hi" again.',
      actions: [{ verb: Verbs.helpShow, title: 'Try again', data: {} }],
    };
  }
  const { firstName, schoolName, roles } = input.person;
  const sections: SectionView[] = [
    {
      heading: 'What you can do',
      items: [
        'See where your appraisal is, what comes next and by when: say "status"',
        'Fill in your self-assessment before a meeting: say "self-assessment"',
        'Draft and agree your objectives: say "objectives"',
        'See who can read your record',
        'Answer the optional equality questions, or change or remove your answers: say "equality"',
      ],
    },
  ];
  if (roles.has('reviewer')) {
    sections.push({ heading: 'As a reviewer', items: ['See your team and what each person needs from you: say "my team"'] });
  }
  if (roles.has('headteacher') || roles.has('slt')) {
    sections.push({ heading: 'As a school leader', items: ['Moderate objectives and approve pay recommendations: say "moderation"'] });
  }
  // Training needs are for the professional-development manager and the head (R-RPT-3); named once for someone who is both.
  const training = 'See the training needs and support agreed in statements, with no one named: say "training needs"';
  if (roles.has('headteacher')) {
    sections.push({ heading: 'As headteacher', items: ['Set up the school and launch the cycle: say "setup"', 'See pay recommendations that changed after the payroll export: say "payroll"', training] });
  } else if (roles.has('pd-manager')) {
    sections.push({ heading: 'As professional-development manager', items: [training] });
  }
  return {
    title: `Hello ${firstName}`,
    intro: `${intro} You’re set up at ${schoolName}.`,
    sections,
    note: 'Everything about your appraisal stays in this private chat.',
    actions: [
      { verb: Verbs.homeShow, title: 'Show my appraisal', data: {} },
      { verb: Verbs.equalityShow, title: 'Equality questions (optional)', data: {} },
    ],
  };
}

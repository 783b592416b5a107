import { visibleSections, whoHasAccess } from '../../services/case/case-privacy';
import type { CaseSection } from '../../services/case/case-privacy';
import type { CaseActor } from '../../services/case/case-roles';
import type { CaseState } from '../../services/case/case-state.schema';
import { activeObjectives, latest, validSignatures } from '../../services/case/case-statements';
import { caseSummary } from '../../services/case/case-summary';
import { COMMAND_PHRASES } from '../../services/case/command-phrases';
import type { SchoolPolicy } from '../../services/policy';
import { dateInWords } from '../../services/shared/london-time';
import type { CivilDate } from '../../services/shared/time';
import { doVerb, formVerb, Verbs } from '../verbs';
import { needsForm } from './forms';
import { sentence } from './forms/form-fields';
import type { ListView } from './list.view';
import type { ActionView, SectionView } from './view.types';

/** A line at the top of a case card: what just happened, or why nothing did. */
export interface Banner {
  text: string;
  style: 'good' | 'warning' | 'attention';
}

/** One case as one person sees it: where it is, what comes next, what they may do (R-CHAT-1, R-PRV-1). */
export interface CaseView {
  title: string;
  facts: { title: string; value: string }[];
  progress: { text: string; done: number; remaining: number };
  next: string | null;
  banner: Banner | null;
  sections: SectionView[];
  /** What this viewer may do now, in groups of at most five buttons (a card's limit per set). */
  actionGroups: { actions: ActionView[] }[];
  /** Always there: who can see the record (the reviewee), refresh. */
  actions: ActionView[];
  /** Teams refreshes the card for this viewer when they open it (Universal Actions). */
  refresh: { verb: string; caseId: string; userIds: string[] } | null;
}

const section = (heading: string, items: string[]): SectionView[] => (items.length ? [{ heading, items }] : []);

function sectionsOf(s: CaseState, seen: ReadonlySet<CaseSection>, viewerId: string): SectionView[] {
  const name = (id: string | null) => (id ? (s.names[id] ?? 'someone') : 'someone');
  const out: SectionView[] = [];
  if (seen.has('objectives')) {
    out.push(...section(`Objectives (${activeObjectives(s).length} of up to ${s.cycle.objectiveLimit})`, activeObjectives(s).map((o, i) => `${i + 1}. ${latest(o).headline}${o.versions.length > 1 ? ` (version ${latest(o).version})` : ''}`)));
    if (s.agreement.status === 'disagreed' && s.agreement.disagreement) out.push({ heading: 'Disagreement recorded', items: [s.agreement.disagreement.reason] });
    if (s.agreement.status === 'determined') out.push({ heading: 'Objectives', items: ['Determined by the reviewer after a disagreement (R-OBJ-4).'] });
  }
  if (seen.has('self-assessment')) out.push(...section('Self-assessments', s.selfAssessments.map((a) => `${sentence(a.meeting)} meeting: sent${a.manager ? ', and reviewed by the manager' : ''}`)));
  if (seen.has('interim') && s.interim) out.push({ heading: 'Interim review', items: [`Recorded${s.interim.finalReviewDate ? `; final review on ${dateInWords(s.interim.finalReviewDate)}` : ''}`] });
  if (seen.has('final-review') && s.assessment) out.push({ heading: 'Final review', items: s.assessment.objectives.map((a, i) => `Objective ${i + 1}: ${a.rating}`) });
  if (seen.has('pay') && s.pay.recommendation && (viewerId !== s.revieweeId || s.pay.approval)) {
    out.push({ heading: 'Pay recommendation', items: [`${sentence(s.pay.recommendation.recommendation.replace(/-/g, ' '))}${s.pay.approval ? ', approved by the headteacher' : ', waiting for the headteacher'}`] });
  }
  if (seen.has('statements')) {
    for (const kind of ['planning', 'review'] as const) {
      const signed = validSignatures(s, kind).map((g) => `${name(g.by)} signed on ${dateInWords(g.at.slice(0, 10))}`);
      out.push(...section(`${sentence(kind)} statement`, signed));
    }
  }
  if (seen.has('appeal')) out.push(...section('Appeal', s.appeals.map((a) => `Raised ${dateInWords(a.raisedOn)}: ${a.result ?? `at the ${a.step.replace(/-/g, ' ')} step${a.due ? `, next step due ${dateInWords(a.due)}` : ''}`}`)));
  return out;
}

/** Builds the case card for one viewer. Only the sections they may see are listed (R-PRV-1). */
export function caseView(input: { state: CaseState; version: number; policy: SchoolPolicy; viewer: CaseActor; viewerUserKey: string | null; banner?: Banner | null; today?: CivilDate }): CaseView {
  const { state: s, viewer } = input;
  const summary = caseSummary(s, viewer.personId, input.policy, input.today ?? null);
  const seen = new Set(visibleSections(s, viewer));
  const mine = viewer.personId === s.revieweeId;
  const percent = Math.round((100 * summary.progress.step) / Math.max(1, summary.progress.of));
  const done = Math.min(99, Math.max(1, percent));
  const data = { caseId: s.id, version: input.version };
  const commands: ActionView[] = summary.myActions.slice(0, 20).map((type) => ({
    verb: needsForm(type) ? formVerb(type) : doVerb(type),
    title: sentence(COMMAND_PHRASES[type]),
    data,
  }));
  const actionGroups = Array.from({ length: Math.ceil(commands.length / 5) }, (_, i) => ({ actions: commands.slice(i * 5, i * 5 + 5) }));
  const actions: ActionView[] = [];
  if (mine && seen.has('access')) actions.push({ verb: Verbs.accessShow, title: 'Who can see my record', data: { caseId: s.id } });
  actions.push({ verb: Verbs.caseShow, title: 'Refresh', data: { caseId: s.id } });
  return {
    title: mine ? 'Your appraisal' : `${s.names[s.revieweeId] ?? 'Appraisal'}’s appraisal`,
    facts: [
      { title: 'Stage', value: summary.stageLabel },
      { title: 'Cycle', value: `${dateInWords(s.cycle.start)} to ${dateInWords(s.cycle.end)}` },
      { title: 'Reviewer', value: s.reviewerId ? (s.names[s.reviewerId] ?? 'Chosen') : 'Not yet chosen' },
    ],
    progress: { text: `Step ${summary.progress.step} of ${summary.progress.of}`, done, remaining: 100 - done },
    next: summary.next ? `${summary.next.action}${summary.next.due ? `, by ${dateInWords(summary.next.due)}` : ''}` : null,
    banner: input.banner ?? null,
    sections: sectionsOf(s, seen, viewer.personId),
    actionGroups,
    actions,
    refresh: input.viewerUserKey ? { verb: Verbs.caseShow, caseId: s.id, userIds: [input.viewerUserKey] } : null,
  };
}

/** "Who can see my record" (R-PRV-1), for the reviewee. */
export function accessView(state: CaseState): ListView {
  return {
    title: 'Who can see your appraisal',
    intro: 'Your appraisal is confidential. These are the only people who can open it, and what they can see.',
    items: whoHasAccess(state).map((e) => ({ heading: e.description, lines: [e.sections.length === 16 ? 'Everything' : `Only: ${e.sections.join(', ').replace(/-/g, ' ')}`], actions: [] })),
    actions: [{ verb: Verbs.caseShow, title: 'Back to my appraisal', data: { caseId: state.id } }],
  };
}

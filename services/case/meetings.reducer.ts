import { dateInWords } from '../shared/london-time';
import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import type { Draft } from './case-draft';
import type { Stage } from './case-stages';
import type { Meeting } from './input-fields.schema';

type MeetingCommand = CommandOf<'meeting.schedule' | 'self-assessment.submit' | 'self-assessment.review'>;

/** The meeting whose self-assessment belongs to each stage (R-SA-1: before each meeting). */
const MEETING_OF_STAGE: Partial<Record<Stage, Meeting>> = { planning: 'planning', interim: 'interim', 'final-review': 'final' };

/** Meetings, papers and the self-assessment (R-DL-3, R-SA-1, R-CYC-2). */
export function reduceMeetings(d: Draft, c: MeetingCommand): CaseFailure | undefined {
  switch (c.type) {
    case 'meeting.schedule':
      return scheduleMeeting(d, c);
    case 'self-assessment.submit':
      return submitSelfAssessment(d, c);
    case 'self-assessment.review':
      return reviewSelfAssessment(d, c);
    default:
      return assertNever(c);
  }
}

const ENTERS: Record<Meeting, { from: Stage[]; to: Stage }> = {
  planning: { from: ['preparation', 'planning'], to: 'planning' },
  interim: { from: ['in-cycle', 'interim'], to: 'interim' },
  final: { from: ['in-cycle', 'final-review'], to: 'final-review' },
};

function scheduleMeeting(d: Draft, c: CommandOf<'meeting.schedule'>): CaseFailure | undefined {
  const { s, ctx } = d;
  const enters = ENTERS[c.meeting];
  if (!enters.from.includes(s.stage)) return refuse('CASE.STEP_NOT_READY', `The ${c.meeting} meeting can’t be arranged at this stage.`);
  if (c.meeting === 'final' && s.interim === null) return refuse('CASE.STEP_NOT_READY', 'Please record the interim review before arranging the final review.');
  if (c.meeting === 'interim' && s.interim !== null) return refuse('CASE.NOTHING_TO_DO', 'The interim review is already recorded.');
  if (c.date < ctx.today) return refuse('CASE.INVALID_INPUT', 'The meeting date has already passed.', { date: 'must be today or later' });
  // R-DL-3: the papers and the self-assessment form go at least the policy's notice before the meeting.
  const notice = ctx.policy.deadline('meeting.papers', c.date);
  const papersDue = notice.ok ? notice.value.due : c.date;
  if (papersDue < ctx.today) {
    const days = notice.ok ? Math.abs(notice.value.workingDays) : 0;
    const earliest = d.workingDaysAfter(ctx.today, days);
    return refuse('CASE.NOTICE_TOO_SHORT', `The papers must go ${days} working days before the meeting. The earliest date you can choose is ${dateInWords(earliest)}.`, { date: `must be on or after ${earliest}` });
  }
  s.meetings[c.meeting] = { date: c.date, papersDue: papersDue < ctx.today ? ctx.today : papersDue, ...d.stamp() };
  s.stage = enters.to;
  d.close(`step.${c.meeting}-meeting`);
  d.notify(s.revieweeId, 'meeting.scheduled', c.date);
  // A moved meeting asks for the self-assessment again only if it has not been sent yet.
  if (s.selfAssessments.some((a) => a.meeting === c.meeting)) return undefined;
  const before = d.workingDaysAfter(c.date, -1);
  d.open({ rule: 'step.self-assessment', key: c.meeting, due: before < ctx.today ? ctx.today : before, owner: s.revieweeId, stepTitle: 'self-assessment' });
  return undefined;
}

function badRatings(d: Draft, ratings: { path: string; id: string | null }[]): CaseFailure | undefined {
  const scale = d.ctx.policy.selfAssessmentScale;
  const ids = scale.map((l) => l.id);
  const bad = ratings.filter((r) => r.id !== null && !ids.includes(r.id));
  if (bad.length === 0) return undefined;
  const choices = scale.map((l) => l.label).join(', ');
  return refuse('CASE.INVALID_INPUT', `Please choose a rating from the scale: ${choices}.`, Object.fromEntries(bad.map((b) => [b.path, `must be one of ${ids.join(', ')}`])));
}

function submitSelfAssessment(d: Draft, c: CommandOf<'self-assessment.submit'>): CaseFailure | undefined {
  const { s } = d;
  if (MEETING_OF_STAGE[s.stage] !== c.meeting) return refuse('CASE.STEP_NOT_READY', `The self-assessment for the ${c.meeting} meeting isn’t open now.`);
  const bad = badRatings(d, c.items.map((it, i) => ({ path: `items.${i}.rating`, id: it.rating })));
  if (bad) return bad;
  const { type: _t, meeting: _m, ...employee } = c;
  const existing = s.selfAssessments.find((a) => a.meeting === c.meeting);
  // The manager's ratings follow the items by position: keep them only while the items line up.
  const manager = existing && existing.employee.items.length === c.items.length ? existing.manager : null;
  const record = { meeting: c.meeting, employee: { ...employee, ...d.stamp() }, manager };
  s.selfAssessments = [...s.selfAssessments.filter((a) => a !== existing), record];
  d.close('step.self-assessment', c.meeting);
  d.notify(s.reviewerId, 'self-assessment.submitted');
  return undefined;
}

function reviewSelfAssessment(d: Draft, c: CommandOf<'self-assessment.review'>): CaseFailure | undefined {
  const { s } = d;
  if (MEETING_OF_STAGE[s.stage] !== c.meeting) return refuse('CASE.STEP_NOT_READY', `The self-assessment for the ${c.meeting} meeting isn’t open now.`);
  const record = s.selfAssessments.find((a) => a.meeting === c.meeting);
  if (!record) return refuse('CASE.STEP_NOT_READY', 'The self-assessment hasn’t been sent yet.');
  const outOfRange = c.items.findIndex((it) => it.index >= record.employee.items.length);
  if (outOfRange >= 0) return refuse('CASE.INVALID_INPUT', 'One of the ratings is for an item that isn’t on the form.', { [`items.${outOfRange}.index`]: 'no such item' });
  const bad = badRatings(d, c.items.flatMap((it, i) => [{ path: `items.${i}.rating`, id: it.rating }, { path: `items.${i}.agreedRating`, id: it.agreedRating }]));
  if (bad) return bad;
  const { type: _t, meeting: _m, ...manager } = c;
  record.manager = { ...manager, ...d.stamp() };
  d.notify(s.revieweeId, 'self-assessment.reviewed');
  return undefined;
}

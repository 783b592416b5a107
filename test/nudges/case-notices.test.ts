import fs from 'node:fs';
import path from 'node:path';
import { APPEAL_STEPS, HOLD_STAGES } from '../../services/case';
import { KNOWN_TOPICS, noticeDateLine, noticeWords } from '../../services/nudges/case-notices';

// The words of case notices (R-CHAT-1/3, R-PRV-1): every topic the case workflow emits has words of its own,
// short and plain, addressed rightly to the reviewee or to a colleague, with dates in words.

/** Every topic the case module can emit: the quoted ones in its `notify(` calls, and the two built from a value. */
function emittedTopics(): string[] {
  const dir = path.resolve(__dirname, '../../services/case');
  const topics = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const call of source.matchAll(/\bnotify\(([^;]*?)\);/g)) for (const t of (call[1] ?? '').matchAll(/'([a-z-]+\.[a-z.-]+)'/g)) topics.add(t[1] ?? '');
    if (source.includes('`case.${s.stage}`')) for (const stage of HOLD_STAGES) topics.add(`case.${stage}`);
    if (source.includes('`appeal.${step}`')) for (const step of APPEAL_STEPS.filter((s) => s !== 'informal' && s !== 'finished')) topics.add(`appeal.${step}`);
  }
  return [...topics].sort();
}

/** Topics the case workflow sends to the reviewee themself (the rest go only to colleagues). */
const TO_REVIEWEE = [
  'case.opened', 'case.closed', 'case.restarted', 'case.resumed', 'case.paused', 'case.suspended', 'meeting.scheduled', 'self-assessment.reviewed',
  'objectives.proposed', 'objectives.determined', 'objectives.revised', 'statement.ready-to-sign', 'statement.signed', 'statement.changed',
  'observation.planned', 'observation.feedback', 'interim.recorded', 'concern.raised', 'support-plan.set', 'support-plan.review-to-sign',
  'review.draft-ready', 'appeal.written', 'appeal.clerk', 'appeal.hearing-scheduled', 'appeal.decided', 'objection.decided', 'reviewer.changed',
];

describe('case notices (R-CHAT-3, R-PRV-1)', () => {
  const topics = emittedTopics();

  it('R-CHAT-3: every topic the case workflow emits has words of its own', () => {
    expect(topics.length).toBeGreaterThan(40);
    expect(topics.filter((t) => !KNOWN_TOPICS.includes(t))).toEqual([]);
  });

  it('R-CHAT-3: each title and line is short, names nobody wrongly and never reads "You has"', () => {
    for (const topic of KNOWN_TOPICS) {
      for (const self of TO_REVIEWEE.includes(topic) ? [true, false] : [false]) {
        const { title, line } = noticeWords(topic, self, 'Alex Morgan');
        expect(title.length).toBeLessThanOrEqual(90);
        expect(line.length).toBeLessThanOrEqual(110);
        expect(`${title} ${line}`).not.toMatch(/\bYou (has|disagrees)\b|You’s|undefined/);
        if (self) expect(title).not.toContain('Alex Morgan');
      }
    }
  });

  it.each([
    ['appeal.written', true, 'If you still have concerns, you can put your appeal in writing'],
    ['appeal.written', false, 'Alex Morgan has sent written grounds of appeal'],
    ['observation.planned', true, 'An observation has been planned'],
    ['observation.planned', false, 'You are down to observe Alex Morgan'],
    ['case.paused', true, 'Your appraisal is paused'],
    ['moderation.requested', false, 'Alex Morgan’s planning statement is ready for you to check'],
    ['appeal.some-new-step', false, 'The next step of the appeal is yours'],
    ['something.new', false, 'There is an update on Alex Morgan’s appraisal'],
  ] as const)('R-CHAT-3: %s to the reviewee (%s) is titled "%s"', (topic, self, title) => {
    expect(noticeWords(topic, self, 'Alex Morgan').title).toBe(title);
  });

  it.each([
    ['meeting.scheduled', '2026-03-31', 'The meeting is on Tuesday 31 March.'],
    ['appeal.hearing-scheduled', '2026-06-02', 'The hearing is on Tuesday 2 June.'],
    ['statement.ready-to-sign', '2026-10-26', 'Please do this by Monday 26 October.'],
    ['appeal.raised', '2027-01-05', 'Please do this by Tuesday 5 January.'],
  ])('R-CHAT-3: a %s date of %s reads "%s"', (topic, due, line) => {
    expect(noticeDateLine(topic, due)).toBe(line);
  });
});

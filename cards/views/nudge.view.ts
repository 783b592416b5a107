import type { NudgeContent } from '../../services/nudges/messenger.port';
import { dateInWords } from '../../services/shared/london-time';
import { allVerbs, Verbs } from '../verbs';
import type { Verb } from '../verbs';
import type { ActionView } from './view.types';

/** A nudge, a digest or a notice, for Teams and Slack alike. */
export interface NudgeView {
  title: string;
  lines: string[];
  /** "Due by Tuesday 5 January (2027-01-05)", or null when there is no date. */
  dueText: string | null;
  /** Plain text for notifications and screen readers. */
  summary: string;
  actions: ActionView[];
}

const isVerb = (v: string): v is Verb => (allVerbs as readonly string[]).includes(v);

/**
 * Builds the nudge card: what is due, by when (in words and as the date), and one button that opens the step
 * with `{ caseId, version }`. A verb this build does not know falls back to "my appraisal" for that case.
 */
export function nudgeView(content: NudgeContent): NudgeView {
  const dueText = content.due ? `Due by ${dateInWords(content.due)} (${content.due})` : null;
  const lines = content.lines.filter((l) => !dueText || !l.startsWith('Due by '));
  const actions: ActionView[] = content.open
    ? [{
        verb: isVerb(content.open.verb) ? content.open.verb : Verbs.homeShow,
        title: content.open.title,
        data: { caseId: content.open.caseId, version: content.open.version },
        style: 'positive',
      }]
    : [];
  return { title: content.title, lines, dueText, summary: dueText ? `${content.title}. ${dueText}.` : content.title, actions };
}

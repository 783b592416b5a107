import type { Verb } from '../verbs';

/** A button on a card: a verb and the data it carries (every case action carries `{ caseId, version }`). */
export interface ActionView {
  verb: Verb;
  title: string;
  data: Record<string, string | number | boolean>;
  style?: 'positive' | 'destructive' | 'default';
}

/** A button that opens a web page in the browser (Action.OpenUrl): the head's short-lived report link. */
export interface LinkView {
  title: string;
  url: string;
}

/** A titled list of short lines. */
export interface SectionView {
  heading: string;
  items: string[];
}

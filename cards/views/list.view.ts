import type { ActionView, LinkView } from './view.types';

/** A list of things with a button or two each: a reviewer's people, the head's queue, who can see a record. */
export interface ListView {
  title: string;
  intro: string | null;
  items: { heading: string; lines: string[]; actions: ActionView[] }[];
  actions: ActionView[];
  /** Buttons that open a page in the browser, before the other buttons (Teams cards; Slack's list blocks leave them out). */
  links?: LinkView[];
}

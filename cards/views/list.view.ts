import type { ActionView } from './view.types';

/** A list of things with a button or two each: a reviewer's people, the head's queue, who can see a record. */
export interface ListView {
  title: string;
  intro: string | null;
  items: { heading: string; lines: string[]; actions: ActionView[] }[];
  actions: ActionView[];
}

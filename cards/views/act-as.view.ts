import { Verbs } from '../verbs';
import type { ActionView } from './view.types';

/** Someone the local user may act as. */
export interface ActAsPerson {
  id: string;
  name: string;
  jobTitle: string;
  roles: string[];
}

/** The local-mode card for choosing whom to act as. */
export interface ActAsView {
  title: string;
  intro: string;
  current: string;
  people: { name: string; detail: string; action: ActionView }[];
}

/** Builds the "act as" card (local mode only: never offered when authentication is on). */
export function actAsView(currentName: string, people: ActAsPerson[]): ActAsView {
  return {
    title: 'Act as someone else (local mode)',
    intro: 'This is only available while the bot runs locally without sign-in. Pick a person to see the cycle from their chair.',
    current: `You are acting as ${currentName}.`,
    people: people.map((p) => ({
      name: p.name,
      detail: [p.jobTitle, ...p.roles].filter(Boolean).join(' · '),
      action: { verb: Verbs.devActAs, title: `Act as ${p.name.split(' ')[0] ?? p.name}`, data: { personId: p.id } },
    })),
  };
}

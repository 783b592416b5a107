import { inputsOf } from './teams-client';
import type { Card } from './teams-client';

// What kind of card the bot answered with, read from the card itself the way a person would see it: a case card
// (with its banner), a form (with what it says is wrong), or an error card.

type Node = { type?: string; text?: string; style?: string; color?: string; items?: Node[]; facts?: { title: string }[] };

/** The card's kind and what it says about the action just taken. */
export type CardKind =
  | { kind: 'case'; banner: { style: string; text: string } | null }
  | { kind: 'form'; errors: string[] }
  | { kind: 'error'; title: string; message: string }
  | { kind: 'other' };

/** Tells a case card, a form and an error card apart (see cards/templates). */
export function cardKind(card: Card): CardKind {
  const body = (card.body ?? []) as Node[];
  const first = body[0];
  if (body.some((n) => n.type === 'FactSet' && n.facts?.some((f) => f.title === 'Stage'))) {
    const banner = first?.type === 'Container' && first.items?.length === 1 ? { style: first.style ?? '', text: first.items[0]?.text ?? '' } : null;
    return { kind: 'case', banner };
  }
  if (inputsOf(card).length > 0 || body.some((n) => n.items?.[0]?.text === 'Please check the form:')) {
    const errors: string[] = [];
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        if (n.type === 'TextBlock' && (n.color === 'Attention' || n.text?.startsWith('• ')) && n.text) errors.push(n.text);
        walk(n.items ?? []);
      }
    };
    walk(body);
    return { kind: 'form', errors };
  }
  if (first?.type === 'TextBlock' && first.color === 'Attention') return { kind: 'error', title: first.text ?? '', message: body[1]?.text ?? '' };
  return { kind: 'other' };
}

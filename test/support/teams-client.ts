import { anActionExecute } from './teams-activities';
import type { TeamsUser } from './teams-activities';
import { postJson } from './test-server';

// A small Teams client for tests: presses card buttons the way Teams does (Action.Execute with the card's
// inputs merged into the action's data) and reads the card that comes back.

/** An Adaptive Card as the bot returned it. */
export type Card = { body?: unknown[]; actions?: CardAction[] };
/** A card button. */
export type CardAction = { type: string; title?: string; verb?: string; data?: Record<string, unknown> };

type Element = { type?: string; id?: string; value?: unknown; choices?: { value: string }[]; items?: unknown[]; columns?: unknown[]; actions?: unknown[] };

/** Every input of a card (depth first), by id. */
export function inputsOf(card: Card): Element[] {
  const out: Element[] = [];
  const walk = (nodes: unknown[] | undefined) => {
    for (const node of nodes ?? []) {
      const e = node as Element;
      if (typeof e.type === 'string' && e.type.startsWith('Input.') && e.id) out.push(e);
      walk(e.items);
      walk(e.columns);
    }
  };
  walk(card.body);
  return out;
}

/** Every button of a card, including those in action sets in its body. */
export function actionsOf(card: Card): CardAction[] {
  const out: CardAction[] = [...(card.actions ?? [])];
  const walk = (nodes: unknown[] | undefined) => {
    for (const node of nodes ?? []) {
      const e = node as Element;
      if (e.type === 'ActionSet') out.push(...((e.actions ?? []) as CardAction[]));
      walk(e.items);
      walk(e.columns);
    }
  };
  walk(card.body);
  return out;
}

/** A Teams user pressing buttons on loopback. */
export function teamsClient(base: string, serviceUrl: string) {
  const invoke = async (user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const res = await postJson(`${base}/api/messages`, anActionExecute(user, serviceUrl, verb, data));
    if (res.status !== 200) throw new Error(`${verb} answered ${res.status}`);
    return (res.body as { value: Card }).value;
  };
  return {
    invoke,
    /** Presses the button with this verb on `card` (failing the test if the card does not offer it). */
    async press(user: TeamsUser, card: Card, verb: string): Promise<Card> {
      const action = actionsOf(card).find((a) => a.verb === verb);
      if (!action) throw new Error(`the card offers no ${verb}; it offers ${actionsOf(card).map((a) => a.verb).join(', ')}`);
      return invoke(user, verb, action.data ?? {});
    },
    /** Fills a form card (defaults: existing values, the first choice, some words) and presses its send button. */
    async submit(user: TeamsUser, form: Card, values: Record<string, string> = {}): Promise<Card> {
      const filled: Record<string, unknown> = {};
      for (const input of inputsOf(form)) {
        const id = input.id as string;
        const existing = typeof input.value === 'string' && input.value !== '' ? input.value : undefined;
        filled[id] =
          values[id] ??
          existing ??
          (input.type === 'Input.ChoiceSet' ? (input.choices?.[0]?.value ?? '') : input.type === 'Input.Toggle' ? 'false' : input.type === 'Input.Date' ? '' : `Notes for ${id}`);
      }
      const send = actionsOf(form).find((a) => a.verb?.startsWith('ipp.do.'));
      if (!send?.verb) throw new Error('the form has no send button');
      return invoke(user, send.verb, { ...(send.data ?? {}), ...filled });
    },
  };
}

/** The text of a card, for assertions. */
export const textOf = (card: Card): string => JSON.stringify(card.body ?? []);

import type * as AdaptiveCards from 'adaptivecards';

// The package's `lib/` is ES modules without file extensions, which Node cannot load; its UMD bundle works.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Problems with a rendered Adaptive Card: what the `adaptivecards` parser reports plus the product's own rules. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  const c = card as { version?: string; refresh?: { userIds?: unknown[] } };
  if (c.version !== '1.5') problems.push(`declares version ${String(c.version)}, not 1.5`);
  if (json.includes('${')) problems.push('has an unresolved ${…} binding');
  if (Buffer.byteLength(json) > 28 * 1024) problems.push(`is ${Buffer.byteLength(json)} bytes, over 28 KB`);
  if ((c.refresh?.userIds?.length ?? 0) > 60) problems.push('has more than 60 refresh.userIds');
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Every Action.Execute verb in a card. */
export function verbsIn(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string') verbs.push(o.verb);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return verbs;
}

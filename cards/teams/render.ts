import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Fills a card template with its view-model. Templates hold bindings only; views are built by pure functions. */
export function renderCard(template: object, view: object): AdaptiveCardJson {
  const card = new ACData.Template(template).expand({ $root: view }) as AdaptiveCardJson;
  return card;
}

// Every card verb, declared once and used by the templates' view-models and by the route tables of
// both chats (Teams Action.Execute verbs, Slack action ids). Dotted, stable: they are stored in cards
// that people still have in their chat history.
export const Verbs = {
  homeShow: 'ipp.home.show',
  helpShow: 'ipp.help.show',
  /** Local mode only: act as another person of the demo school, to walk a cycle from every chair. */
  devActAs: 'ipp.dev.act-as',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

/** Every verb the product answers. */
export const allVerbs: readonly Verb[] = Object.values(Verbs);

import actAsTemplate from '../templates/act-as.json';
import caseTemplate from '../templates/case.json';
import formTemplate from '../templates/form.json';
import listTemplate from '../templates/list.json';
import errorTemplate from '../templates/error.json';
import equalityTemplate from '../templates/equality.json';
import homeTemplate from '../templates/home.json';
import nudgeTemplate from '../templates/nudge.json';
import welcomeTemplate from '../templates/welcome.json';
import type { ActAsView } from '../views/act-as.view';
import type { CaseView } from '../views/case.view';
import type { FormView } from '../views/forms';
import type { ListView } from '../views/list.view';
import type { ErrorView } from '../views/error.view';
import type { EqualityFormView } from '../views/equality.view';
import type { HomeView } from '../views/home.view';
import type { NudgeView } from '../views/nudge.view';
import type { WelcomeView } from '../views/welcome.view';
import { renderCard } from './render';
import type { AdaptiveCardJson } from './render';

// One function per card: the template and its view-model's type travel together.

/** The welcome / help card. */
export const welcomeCard = (view: WelcomeView): AdaptiveCardJson => renderCard(welcomeTemplate, view);
/** The "my appraisal" card. */
export const homeCard = (view: HomeView): AdaptiveCardJson => renderCard(homeTemplate, view);
/** An error card saying what to fix. */
export const errorCard = (view: ErrorView): AdaptiveCardJson => renderCard(errorTemplate, view);

/** The local-mode "act as" picker. */
export const actAsCard = (view: ActAsView): AdaptiveCardJson => renderCard(actAsTemplate, view);

/** A nudge, digest or notice sent proactively (R-CHAT-3). */
export const nudgeCard = (view: NudgeView): AdaptiveCardJson => renderCard(nudgeTemplate, view);

/** One case as one person sees it. */
export const caseCard = (view: CaseView): AdaptiveCardJson => renderCard(caseTemplate, view);
/** A form for one case command. */
export const formCard = (view: FormView): AdaptiveCardJson => renderCard(formTemplate, view);
/** A list with a button or two per item (queues, access). */
export const listCard = (view: ListView): AdaptiveCardJson => renderCard(listTemplate, { links: [], ...view });

/** A person's own equality questions, prefilled with their stored answers (R-RPT-1). */
export const equalityCard = (view: EqualityFormView): AdaptiveCardJson => renderCard(equalityTemplate, view);

/** Every template, by name, for the template checks in the tests. */
export const templates = { welcome: welcomeTemplate, home: homeTemplate, error: errorTemplate, actAs: actAsTemplate, nudge: nudgeTemplate, case: caseTemplate, form: formTemplate, list: listTemplate, equality: equalityTemplate } as const;

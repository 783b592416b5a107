// School set-up: roster import, chat identities, reviewer delegation and school settings (R-ROLE-1, R-ROLE-3, R-OBJ-2).
export { planRosterImport, personIdFor } from './roster-plan';
export type { RosterPlan, RosterChange, RosterFailure, RosterPlanResult } from './roster-plan';
export type { RosterIssue } from './roster-csv';
export { importRoster, applyRosterPlan } from './roster-import.usecase';
export { rosterNotes } from './roster-notes';
export type { RosterNote } from './roster-notes';
export { ROSTER_COLUMNS } from './roster-row.schema';
export { linkTeamsIdentity, linkSlackIdentities, unreachableReport } from './identity.usecase';
export type { IdentityError, SlackLinkReport, UnreachableReport } from './identity.usecase';
export type { SlackDirectory } from './slack-directory.port';
export { checkDelegation, setReviewer, reviewerOf, hasMoreResponsibility, managersAbove } from './reviewer.usecase';
export type { DelegationActor, ReviewerError, ReviewerSet } from './reviewer.usecase';
export { planCycleLaunch } from './cycle-launch';
export type { LaunchEntry, LaunchExclusion, LaunchPlan } from './cycle-launch';
export { schoolSetupSchema, closureSchema, prioritySchema, PRESET_IDS, parseClosures, parsePriorities, readSetup, updateSetup, mayConfigureSchool } from './school-setup';
export type { SchoolSetup, Closure } from './school-setup';

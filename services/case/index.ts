// The case workflow: one case per reviewee per cycle, changed only through commands decided purely (R-CYC-2).
export * from './appeal-inputs.schema';
export * from './case-commands.schema';
export * from './case-decision';
export * from './case-permissions.table';
export * from './case-privacy';
export * from './case-records.schema';
export * from './case-roles';
export * from './case-stages';
export * from './case-state.schema';
export * from './case-statements';
export * from './case-summary';
export * from './case.machine';
export * from './case.usecases';
export * from './command-phrases';
export * from './input-fields.schema';
export * from './planning-inputs.schema';
export * from './review-inputs.schema';

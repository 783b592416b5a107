// The policy module: every cycle, working day and deadline of the school's policy (R-CYC-*, R-CAL-*, R-DL-*).
export * from './calendar';
export * from './cycle';
export * from './deadlines';
export * from './delivery-window';
export * from './holidays';
export * from './preset.schema';
export * from './presets';
export * from './school-policy';
export * from './settings.schema';

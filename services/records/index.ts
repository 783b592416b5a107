// Records held about people: subject access and retention (R-PRV-1, R-PRV-2).
export * from './subject-access';
export * from './retention';
export * from './equality-retention';

// Reports and records (R-RPT-1, R-RPT-2, R-RPT-3, R-PAY-1, R-CAL-2): the governors' report, the payroll export, the CPD summary, the sample of statements, and their mapping from cases.
export * from './report-input';
export * from './suppression';
export * from './free-text';
export * from './governors-report';
export * from './governors-report-csv';
export * from './governors-report-html';
export { HIDDEN_MARKER } from './html-escape';
export * from './csv-text';
export * from './payroll-changes';
export * from './payroll-export';
export * from './cpd-summary';
export * from './case-deadlines';
export * from './appeal-grounds';
export * from './from-cases';
export * from './report-csv-inputs';
export * from './anonymised-sample';

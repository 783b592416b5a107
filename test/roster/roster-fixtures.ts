// Invented people at an invented school; addresses use the reserved example.org domain.
export const SCHOOL = 'oakfield';
export const HEADER = 'Staff ID,Name,Work Email,Job Title,Role Family,Line Managers,Contract Type,Start Date,End Date,Term Time Only,Part Time,Headteacher,SLT,PD Manager,Reviewer Trained,Teams AAD Object ID,Slack User ID';

/** Builds a CSV from the header and rows (each row a string without the header). */
export const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

export const ROWS = {
  head: 'OF1,Hattie Quill,hattie.quill@example.org,Headteacher,leadership,,permanent,2019-09-01,,no,no,yes,yes,no,yes,aad-1,',
  sbm: 'OF2,Rufus Penhallow,rufus.penhallow@example.org,Business Manager,leadership,OF1,permanent,01/01/2020,,n,n,n,y,y,true,,U0002',
  ta: 'OF3,Ivy Strand,ivy.strand@example.org,Teaching Assistant,teaching-support,OF2,fixed-term,2024-09-01,2025-08-31,1,0,0,0,0,0,,',
  cleaner: 'OF4,Corin Vale,corin.vale@example.org,Cleaner,cleaning,OF2;OF1,casual,2023-05-02,,no,yes,no,no,no,no,,',
};
export const fullRoster = () => csv(ROWS.head, ROWS.sbm, ROWS.ta, ROWS.cleaner);

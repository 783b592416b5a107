import { Verbs } from '../../cards/verbs';
import type { CaseState } from '../../services/case';
import type { NudgeContent } from '../../services/nudges/messenger.port';
import type { SchoolPolicy } from '../../services/policy';
import type { PayrollExportRecord, ReminderRecord, SchoolRecord, Store } from '../../services/ports/store.port';
import { changesSinceExport, cyclesInPay, payrollChangeSetKey, payrollChangesSummary, payrollOpenId } from '../../services/reports';
import { iso, londonWallClock } from '../../services/shared/london-time';
import type { Clock, CivilDate } from '../../services/shared/time';

// Once a London day, each school's stored payroll export is compared with the head-approved recommendations now
// (R-PAY-1, R-CAL-2). When they differ, the headteacher is told in their one-to-one chat, as a notice the relay
// delivers inside their hours: how many changed and how, that payroll still has the earlier figures, and a button
// that opens the details in their own chat (bot/payroll-screens.ts, R-CHAT-2). The notice may wait in a queue, so no
// name or staff id goes into it (the screen, opened by the head, shows them), and the log has ids and counts only.
// The notice's id comes from the export and the set of changes, so one set is flagged once however many sweeps
// and replicas run this, and a new set is flagged again.

/** What the payroll-changes job needs. */
export interface PayrollChangesJobDeps {
  store: Pick<Store<CaseState>, 'schools' | 'people' | 'cases' | 'payrollExports' | 'reminders'>;
  policyFor(schoolId: string): Promise<SchoolPolicy>;
  clock: Clock;
  log?: (event: string, fields: Record<string, string | number>) => void;
}

/** The notice id of one set of changes to one export. */
export const payrollNoticeId = (exp: Pick<PayrollExportRecord, 'cycleId' | 'version'>, changeSetKey: string): string => `payroll-changes/${exp.cycleId}/v${exp.version}/${changeSetKey}`;

/** Checks every school once per London day in this process; returns how many notices were newly planned. */
export function payrollChangesJob(deps: PayrollChangesJobDeps) {
  const log = deps.log ?? (() => undefined);
  let checkedOn: string | null = null;

  async function noticeFor(school: SchoolRecord, exp: PayrollExportRecord, today: CivilDate): Promise<ReminderRecord | null> {
    const found = await changesSinceExport(deps.store, exp);
    if (!found.ok) {
      log('payroll.changes-unchecked', { schoolId: school.id, cycleId: exp.cycleId, code: found.error.code });
      return null;
    }
    const { changes, people } = found.value;
    const summary = payrollChangesSummary(exp, changes);
    if (!summary) return null;
    const head = people.find((p) => p.headteacher && (p.leftOn === null || p.leftOn > today));
    if (!head) {
      log('payroll.changes-no-head', { schoolId: school.id, cycleId: exp.cycleId, changes: changes.length });
      return null;
    }
    const content: NudgeContent = {
      kind: 'notice', title: summary.title, due: null,
      lines: [...summary.lines, 'Press “See the changes” for who they are and what payroll has.'],
      open: { verb: Verbs.payrollChangesShow, title: 'See the changes', caseId: payrollOpenId(exp.cycleId), version: exp.version },
    };
    return {
      id: payrollNoticeId(exp, payrollChangeSetKey(changes)), schoolId: school.id, caseId: payrollOpenId(exp.cycleId), rule: 'notice.payroll-changes',
      recipientId: head.id, dueAt: iso(deps.clock.now()), state: 'pending', leaseUntil: null, attempts: 0, payload: { content },
    };
  }

  return async function runIfNewDay(): Promise<number> {
    const today = londonWallClock(deps.clock.now()).day;
    if (checkedOn === today) return 0;
    let planned = 0;
    for (const school of await deps.store.schools.list()) {
      for (const cycleId of cyclesInPay(await deps.policyFor(school.id), today)) {
        const exp = await deps.store.payrollExports.get(school.id, cycleId);
        const notice = exp ? await noticeFor(school, exp, today) : null;
        if (!notice || !(await deps.store.reminders.create(notice))) continue;
        planned += 1;
        log('payroll.changes-flagged', { schoolId: school.id, cycleId, reminderId: notice.id });
      }
    }
    checkedOn = today;
    return planned;
  };
}

import { z } from 'zod/v4';
import { closureSchema, createSchoolPolicy, deadlineRuleIdSchema } from '../../../services/policy';
import type { Closure, SchoolPolicy } from '../../../services/policy';
import { assertNever } from '../../../services/shared/result';
import { UsageError } from './policy-args';
import type { Closures, PolicyCommand } from './policy-args';
import { HELP } from './policy-args';
import { timelineTable } from './timeline-table';

// The policy command's work: each answer comes from the policy module; this file only reads files,
// builds the school's settings and shapes the output (R-CAL-1, R-CYC-*, R-DL-*).

/** How the command reads a file (the real file system, or a test's). */
export interface FileReader {
  readText(path: string): string;
}

const closuresFileSchema = z.object({ closures: z.array(closureSchema) });

/** Runs one command and returns what to print on stdout; bad input throws a `UsageError`. */
export function runPolicyCommand(command: PolicyCommand, files: FileReader): string {
  switch (command.type) {
    case 'help':
      return HELP;
    case 'deadline': {
      const policy = schoolPolicy(command.preset, command.cycleStartMonth, command.closures, files);
      const rule = deadlineRuleIdSchema.safeParse(command.rule);
      if (!rule.success) throw new UsageError(`There is no deadline rule "${command.rule}". The ${policy.preset.id} policy has: ${policy.rules.join(', ')}.`);
      const result = policy.deadline(rule.data, command.from);
      if (!result.ok) throw new UsageError(`${result.error.message} It has: ${policy.rules.join(', ')}.`);
      const { due, workingDays } = result.value;
      return JSON.stringify({ preset: policy.preset.id, rule: rule.data, from: command.from, due, workingDays });
    }
    case 'cycle': {
      const policy = schoolPolicy(command.preset, command.cycleStartMonth, null, files);
      const answer = policy.cycleFor({ start: command.start, contractEnd: command.contractEnd ?? null, status: command.status });
      return JSON.stringify({
        eligible: answer.eligible,
        ...(answer.reason ? { reason: answer.reason } : {}),
        start: answer.start,
        end: answer.end,
        objectiveLimit: answer.objectiveLimit,
        reducedObjectives: answer.reducedObjectives,
        phases: answer.phases.map(({ name, from, to }) => ({ name, from, to })),
      });
    }
    case 'timeline': {
      const policy = schoolPolicy(command.preset, command.cycleStartMonth, command.closures, files);
      const timeline = policy.timeline(command.cycleYear);
      return command.json ? JSON.stringify(timeline) : timelineTable(policy, timeline);
    }
    default:
      return assertNever(command);
  }
}

/** The school's policy as the command line describes it: a module failure is the user's one line. */
function schoolPolicy(presetId: string, cycleStartMonth: number | undefined, closures: Closures, files: FileReader): SchoolPolicy {
  const settings = {
    ...(cycleStartMonth === undefined ? {} : { cycleStartMonth }),
    ...(closures ? { closures: readClosures(closures.file, files), closuresCountForDeadlines: closures.count } : {}),
  };
  const built = createSchoolPolicy({ presetId, settings });
  if (!built.ok) throw new UsageError(built.error.message);
  return built.value;
}

function readClosures(file: string, files: FileReader): Closure[] {
  let text: string;
  try {
    text = files.readText(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`Cannot read the closures file ${file}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`);
  }
  const shape = 'it should look like {"closures":[{"from":"2026-12-21","to":"2027-01-01","name":"Christmas holidays"}]}';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`The closures file ${file} is not JSON: ${shape}.`);
  }
  const parsed = closuresFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue || issue.path.length < 3) throw new UsageError(`The closures file ${file} has no list of closures: ${shape}.`);
    const problem = issue.message.endsWith('received undefined') ? 'it is missing' : issue.message;
    throw new UsageError(`The closures file ${file} is not right at ${issue.path.map(String).join('.')}: ${problem}.`);
  }
  return parsed.data.closures;
}

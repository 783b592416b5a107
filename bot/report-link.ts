import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod/v4';
import type { IdempotencyStore, SchoolRecord } from '../services/ports/store.port';
import { cycleGovernorsReport, cycleLabel, equalityByPerson } from '../services/reports';
import type { GovernorsReport, ReportErrorCode } from '../services/reports';
import { reportThresholdOf } from '../services/roster';
import { fail, ok } from '../services/shared/result';
import type { Result } from '../services/shared/result';
import type { CivilDate, Clock, Instant } from '../services/shared/time';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';
import type { Config } from './config';

// The headteacher's link to the full governors' report (R-RPT-1, R-PRV-1). The token names the school, the
// cycle, the person and when it stops working, and is signed with HMAC-SHA-256 under a server secret. Nothing
// is stored, so any replica with the same secret can check it; whether the person is still the headteacher is
// checked against the store each time the link is opened. Each link opens the report once: its random nonce is
// taken in the store's idempotency keys, which every replica shares, when the report is served.

/** How long a link works (R-PRV-1: a report left open in a chat stops opening soon). */
export const REPORT_LINK_MINUTES = 15;
/** How long a used link's nonce is kept: a little over the link's life, so it is still there when the link expires. */
export const REPORT_LINK_USE_TTL_SECONDS = REPORT_LINK_MINUTES * 60 + 5 * 60;
/** The file, in the data folder, that keeps the secret when none is configured outside production. */
export const REPORT_LINK_SECRET_FILE = 'report-link.secret';

// Signed with a purpose prefix, so a signature made with the same secret for anything else never fits here.
const PURPOSE = 'ipp.report-link.v1';
const claimsSchema = z.object({
  v: z.literal(1),
  k: z.literal('governors'),
  s: z.string().min(1).max(200),
  p: z.string().min(1).max(200),
  y: z.number().int().min(2000).max(2100),
  e: z.number().int().positive(),
  n: z.string().regex(/^[A-Za-z0-9_-]{12,32}$/),
});
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,1024}\.[A-Za-z0-9_-]{43}$/);

/** Who a link is for, and until when. */
export interface ReportLinkClaims {
  schoolId: string;
  personId: string;
  cycleYear: number;
  expiresAt: Date;
  /** The link's random part, which names its one use. */
  nonce: string;
}

/** Why a link does not open: not made by this server (or changed since), or past its 15 minutes. */
export type ReportLinkErrorCode = 'LINK.INVALID' | 'LINK.EXPIRED';

/** Makes and checks the head's links to the governors' report. */
export interface ReportLinks {
  /**
   * Fresh links for one person, school and cycle, working for 15 minutes from now: `url` opens the report and
   * `csvUrl` downloads the CSV. They are two links, each with its own nonce, so each can be used once.
   */
  governors(claims: Omit<ReportLinkClaims, 'expiresAt' | 'nonce'>): { url: string; csvUrl: string; expiresAt: Date };
  /** The claims of a token this server signed and that has not expired. */
  check(token: string): Result<ReportLinkClaims, ReportLinkErrorCode>;
}

const macOf = (secret: string, payload: string): Buffer => createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest();

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null; // only reachable with a valid signature over bad JSON, which this server never signs
  }
}

/** The link service over a secret, the public address and the clock. */
export function createReportLinks(options: { secret: string; publicUrl: string; clock: Clock }): ReportLinks {
  const { secret, publicUrl, clock } = options;
  const invalid = () => fail('LINK.INVALID' as const, 'This link was not made by this server, or has been changed.');
  return {
    governors({ schoolId, personId, cycleYear }) {
      const expiresAt = new Date(clock.now().getTime() + REPORT_LINK_MINUTES * 60_000);
      // A random part, so no two links are alike even when made in the same millisecond, and each has its own use.
      const link = () => {
        const claims = { v: 1, k: 'governors', s: schoolId, p: personId, y: cycleYear, e: expiresAt.getTime(), n: randomBytes(9).toString('base64url') };
        const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
        return `${publicUrl}/reports/governors/${payload}.${macOf(secret, payload).toString('base64url')}`;
      };
      return { url: link(), csvUrl: `${link()}?format=csv`, expiresAt };
    },
    check(token) {
      if (!tokenSchema.safeParse(token).success) return invalid();
      const [payload = '', mac = ''] = token.split('.');
      // Compared as written, not as decoded: base64url lets a last character vary without changing the bytes.
      const given = Buffer.from(mac);
      const expected = Buffer.from(macOf(secret, payload).toString('base64url'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid();
      const claims = claimsSchema.safeParse(parsePayload(payload));
      if (!claims.success) return invalid();
      const { s, p, y, e, n } = claims.data;
      if (clock.now().getTime() >= e) return fail('LINK.EXPIRED', 'This link has expired.');
      return ok({ schoolId: s, personId: p, cycleYear: y, expiresAt: new Date(e), nonce: n });
    },
  };
}

/**
 * Takes a link's one use (R-PRV-1): true the first time, on whichever replica; false once it has been used. The
 * key outlives the link, so a used link is never taken again before it has expired anyway.
 */
export function useReportLink(idempotency: IdempotencyStore, claims: ReportLinkClaims, now: Instant): Promise<boolean> {
  return idempotency.firstSeen(useKey(claims), now, REPORT_LINK_USE_TTL_SECONDS);
}

/** True once a link has been used; asking uses nothing up. */
export function reportLinkUsed(idempotency: IdempotencyStore, claims: ReportLinkClaims, now: Instant): Promise<boolean> {
  return idempotency.seen(useKey(claims), now);
}

const useKey = (claims: ReportLinkClaims) => `report-link:${claims.nonce}`;

/**
 * The secret kept in a file of the data folder, readable by its owner only, made on first use. It is written
 * whole to a temporary file and then linked into place, which fails if the file is there already: two processes
 * starting at once both end up with the one secret, never a half-written one.
 */
function keptSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(draft, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`The report link secret in ${file} is shorter than 32 characters: delete the file to have a new one made, or set REPORT_LINK_SECRET.`);
  return secret;
}

/**
 * The secret that signs report links: REPORT_LINK_SECRET when set (always, in production); otherwise one kept in
 * the embedded store's data folder, so links survive a restart; with no data folder, a random one in memory.
 */
export function reportLinkSecret(config: Config, logger: Logger): string {
  if (config.reports.linkSecret) return config.reports.linkSecret;
  if (config.env === 'production') throw new Error('REPORT_LINK_SECRET is required when NODE_ENV=production');
  if (config.store.kind === 'embedded') return keptSecret(path.join(config.store.dataDir, REPORT_LINK_SECRET_FILE));
  logger.warn({ event: 'startup.report-link-secret-in-memory' }, 'REPORT_LINK_SECRET is not set: report links work on this process only, until it stops');
  return randomBytes(48).toString('base64url');
}

/** The link service as the configuration sets it up. */
export function reportLinksFor(config: Config, clock: Clock, logger: Logger): ReportLinks {
  return createReportLinks({ secret: reportLinkSecret(config, logger), publicUrl: config.reports.publicUrl, clock });
}

/** How the governors' report names a school's cycle: "2026 to 2027". */
export async function governorsCycleLabel(runtime: CaseRuntime, schoolId: string, cycleYear: number): Promise<string> {
  return cycleLabel((await runtime.policies.forSchool(schoolId)).timeline(cycleYear));
}

/**
 * The governors' report of one cycle, built fresh from the stored cases and the stored equality answers (R-RPT-1);
 * the chat summary and the link show it, with the school's own small-number threshold. The answers are only
 * counted: no table shows one person's.
 */
export async function governorsReportFor(
  store: ProductStore,
  runtime: CaseRuntime,
  school: SchoolRecord,
  cycleYear: number,
  today: CivilDate,
): Promise<Result<GovernorsReport, ReportErrorCode>> {
  const policy = await runtime.policies.forSchool(school.id);
  const timeline = policy.timeline(cycleYear);
  const people = await store.people.list(school.id);
  const cases = (await store.cases.listByCycle(school.id, timeline.start)).map((c) => c.state);
  const equality = equalityByPerson(await store.equality.listForSchool(school.id));
  return cycleGovernorsReport({ schoolName: school.name, policy, timeline, cases, people, asOf: today, equality, threshold: reportThresholdOf(school) });
}

import path from 'node:path';
import { z } from 'zod/v4';

// Configuration comes from environment variables only, validated here once at start.
// Every variable is documented in .env.example.

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number({ error: 'must be a whole number from 0 to 65535' }).int({ error: 'must be a whole number from 0 to 65535' }).min(0, { error: 'must be a whole number from 0 to 65535' }).max(65535, { error: 'must be a whole number from 0 to 65535' }).default(3978),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MICROSOFT_APP_TENANT_ID: optionalText,
    TEAMS_ALLOWED_TENANT_IDS: csv,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
    SLACK_BOT_ID: optionalText,
    SLACK_BOT_USER_ID: optionalText,
    SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
    STORE: z.enum(['embedded', 'cosmos']).default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    COSMOS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: z.string().min(1).default('ipp'),
    PUBLIC_URL: optionalText
      .pipe(
        z
          .url({ protocol: /^https?$/, error: 'must be a web address starting with https:// (or http:// for local use)' })
          .refine((v) => !/[?#]/.test(v), { error: 'must be the server’s address only, without a ? query or # part' })
          .optional(),
      )
      .transform((v) => v?.replace(/\/+$/, '')),
    REPORT_LINK_SECRET: optionalText.pipe(z.string().min(32, { error: 'must be at least 32 characters (for example 48 random bytes in base64)' }).optional()),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, why: string) => {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required ${why}` });
    };
    if (env.MICROSOFT_APP_ID) need('MICROSOFT_APP_PASSWORD', 'when MICROSOFT_APP_ID is set');
    if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && env.MICROSOFT_APP_ID) need('MICROSOFT_APP_TENANT_ID', 'for a SingleTenant app');
    if (env.SLACK_SIGNING_SECRET) need('SLACK_BOT_TOKEN', 'when SLACK_SIGNING_SECRET is set');
    if (env.STORE === 'cosmos') {
      need('COSMOS_ENDPOINT', 'when STORE=cosmos');
      need('COSMOS_KEY', 'when STORE=cosmos');
    }
    if (env.NODE_ENV === 'production' && !env.MICROSOFT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message: 'is required when NODE_ENV=production (without it Bot Framework authentication would be off)',
      });
    }
    // The head's report links (R-RPT-1, R-PRV-1): in production they must point at the real address, over
    // HTTPS, and be signed with a secret every replica shares.
    if (env.NODE_ENV === 'production') {
      need('PUBLIC_URL', 'when NODE_ENV=production (the address staff’s browsers reach this server at)');
      if (env.PUBLIC_URL?.startsWith('http://')) ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must start with https:// when NODE_ENV=production' });
      need('REPORT_LINK_SECRET', 'when NODE_ENV=production (every replica must sign report links with the same secret)');
    }
  });

/** The validated configuration the server runs on. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  teams: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
    allowedTenantIds: string[];
    /** Local mode: no app id, so Bot Framework authentication is off. Never in production. */
    authenticationOff: boolean;
  };
  slack?: { signingSecret: string; botToken: string; botId?: string; botUserId?: string; apiUrl: string };
  store: { kind: 'embedded'; dataDir: string } | { kind: 'cosmos'; endpoint: string; key: string; databaseId: string };
  reports: {
    /** Where staff's browsers reach this server, without a trailing slash: report links start with it. */
    publicUrl: string;
    /** Signs report links. Unset outside production: one is kept in the data folder (see bot/report-link.ts). */
    linkSecret?: string;
  };
}

/** Thrown for a bad or missing value; its message is one line naming the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const message = issue?.message ?? 'is invalid';
    const what = /^(is|must) /.test(message) ? message : `is invalid: ${message}`;
    throw new ConfigError(`Configuration error: ${name} ${what}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    teams: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      appType: e.MICROSOFT_APP_TYPE,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      allowedTenantIds: e.TEAMS_ALLOWED_TENANT_IDS,
      authenticationOff: !e.MICROSOFT_APP_ID,
    },
    slack:
      e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
        ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, botId: e.SLACK_BOT_ID, botUserId: e.SLACK_BOT_USER_ID, apiUrl: e.SLACK_API_URL }
        : undefined,
    store:
      e.STORE === 'cosmos'
        ? { kind: 'cosmos', endpoint: e.COSMOS_ENDPOINT as string, key: e.COSMOS_KEY as string, databaseId: e.COSMOS_DATABASE }
        : { kind: 'embedded', dataDir: path.resolve(e.DATA_DIR) },
    reports: { publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`, linkSecret: e.REPORT_LINK_SECRET },
  };
}

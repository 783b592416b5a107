import type { Clock } from '../../services/shared/time';
import type { TokenSource } from './teams.messenger';

// A Bot Connector token by the OAuth client-credentials grant, cached until five minutes before it expires.
// The scheduler's Teams client is separate from the bot's adapter (see teams.messenger.ts), so it fetches its
// own token. Managed identities (MICROSOFT_APP_TYPE=UserAssignedMSI) are not supported by this source.

const SCOPE = 'https://api.botframework.com/.default';

/** Options for the token source. */
export interface BotTokenOptions {
  appId: string;
  appPassword: string;
  /** SingleTenant: the app's tenant; MultiTenant: the Bot Framework's. */
  tenantId?: string;
  clock: Clock;
  fetch?: typeof fetch;
  /** The login authority; overridable for tests. */
  authority?: string;
}

/** Local mode: authentication is off, no token. */
export const noToken: TokenSource = { token: async () => null };

/** Tokens for the Bot Connector, fetched with the app's id and password. */
export function clientCredentialsTokenSource(o: BotTokenOptions): TokenSource {
  const fetchFn = o.fetch ?? fetch;
  let cached: { token: string; until: number } | null = null;
  let inFlight: Promise<string> | null = null;
  const authority = o.authority ?? 'https://login.microsoftonline.com/';
  async function fetchToken(): Promise<string> {
    const url = `${authority}${encodeURIComponent(o.tenantId ?? 'botframework.com')}/oauth2/v2.0/token`;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: o.appId, client_secret: o.appPassword, scope: SCOPE });
    const res = await fetchFn(url, { method: 'POST', body, signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const json = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!json.access_token) throw new Error('token endpoint answered without a token');
    cached = { token: json.access_token, until: o.clock.now().getTime() + Math.max(60, (json.expires_in ?? 3600) - 300) * 1000 };
    return json.access_token;
  }
  return {
    async token() {
      if (cached && cached.until > o.clock.now().getTime()) return cached.token;
      inFlight ??= fetchToken().finally(() => (inFlight = null));
      return inFlight;
    },
  };
}

import { sqlMigration } from './sql-migration';

/**
 * OAuth2 sign-in (issue 8, relay/oauth/): Microsoft app-only, Microsoft device code, Google.
 * Client secrets and refresh tokens are sealed fields of `profiles.secrets`, beside the password.
 */
export default sqlMigration(({ big }) => [
  // A delegated sign-in's outcome, JSON {v, status: signed_in | sign_in_again, account?, at, problemCode?}.
  // A column of its own: a settings change (which rewrites `data`) cannot carry an old value back,
  // and writing it does not look like a settings change (`updated_at`) to the delivery pool.
  'ALTER TABLE profiles ADD COLUMN oauth_state TEXT',
  // Access tokens, one per profile, shared by every relay instance: fetched once and reused until
  // shortly before they expire. `secrets` is {"accessToken": sealed}, sealed like every profile
  // secret, so that key rotation re-seals it. `credential_key` names the credentials it belongs to.
  `CREATE TABLE oauth_access_tokens (
    profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    credential_key TEXT NOT NULL,
    secrets TEXT NOT NULL,
    obtained_at ${big} NOT NULL,
    expires_at ${big} NOT NULL)`,
  // Delegated sign-ins in progress (and their outcome until the next one): at most one per profile.
  // `sealed` holds the device code or the PKCE verifier; `state_hash` the SHA-256 of the state parameter.
  `CREATE TABLE oauth_sign_ins (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL UNIQUE REFERENCES profiles (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider TEXT NOT NULL CHECK (provider IN ('microsoft', 'google')),
    flow TEXT NOT NULL CHECK (flow IN ('device_code', 'authorization_code')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'signed_in', 'failed', 'expired')),
    state_hash TEXT,
    sealed TEXT NOT NULL,
    details TEXT NOT NULL,
    poll_interval_ms ${big},
    next_poll_at ${big},
    problem_code TEXT,
    result TEXT,
    created_at ${big} NOT NULL,
    expires_at ${big} NOT NULL,
    updated_at ${big} NOT NULL)`,
]);

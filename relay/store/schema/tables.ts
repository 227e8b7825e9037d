/**
 * The database as the migrations (relay/store/migrations/) leave it, for the typed query builder.
 * Times are epoch milliseconds; JSON columns are text, parsed only by the repositories' codecs
 * (relay/store/schema/codecs.ts). Tables that one dialect alone has are marked.
 */
import type { Generated } from 'kysely';

export interface Tables {
  users: { id: string; email: string; name: string | null; role: 'admin' | 'member'; created_at: number; removed_at: number | null };
  tokens: { hash: string; id: Generated<string>; user_id: string; device: string; created_at: number; last_used_at: number | null };
  pairing_codes: { hash: string; user_id: string; expires_at: number; used_at: number | null };
  setup_codes: { hash: string; created_at: number; expires_at: number; used_at: number | null };
  profiles: {
    id: string;
    owner_id: string | null;
    scope: 'personal' | 'company';
    data: string;
    secrets: string | null;
    oauth_state: string | null;
    created_at: number;
    updated_at: number;
  };
  profile_delivery_settings: { profile_id: string; data: string; secrets: string | null; server_max_bytes: number | null; updated_at: number };
  sender_allowances: { user_id: string; pattern: string; created_at: number };
  sends: { id: string; user_id: string; idempotency_key: string | null; request_hash: string; created_at: number };
  messages: {
    id: string;
    send_id: string;
    user_id: string;
    profile_id: string;
    message_id: string;
    envelope: string;
    /** SQLite: an empty blob (bodies live in message_bodies); PostgreSQL: the body, or null when chunked. */
    raw: Buffer | null;
    summary: string;
    document_ref: string | null;
    documents: string | null;
    part_number: number;
    part_count: number;
    fallback: string | null;
    status: 'queued' | 'sending' | 'sent' | 'deferred' | 'failed';
    attempts: number;
    attempt_count: number;
    next_attempt_at: number | null;
    lease_owner: string | null;
    lease_until: number | null;
    last_reply: string | null;
    problem_code: string | null;
    sent_at: number | null;
    size_bytes: number;
    sent_copy_status: 'pending' | 'saved' | 'failed' | null;
    sent_copy_attempts: number;
    sent_copy_next_at: number | null;
    sent_copy_folder: string | null;
    sent_copy_error: string | null;
    created_at: number;
    updated_at: number;
  };
  /** SQLite only. */
  message_bodies: { message_id: string; raw: Buffer };
  message_body_chunks: { message_id: string; seq: number; bytes: Buffer };
  message_documents: { message_id: string; ref: string };
  attempts: {
    id: Generated<number>;
    message_id: string;
    started_at: number;
    finished_at: number;
    outcome: 'sent' | 'deferred' | 'failed' | 'released' | 'interrupted';
    reply: string | null;
    response_code: number | null;
    error_code: string | null;
    problem_code: string | null;
  };
  recipes: { id: string; format_version: number; data: string; published_by: string | null; created_at: number; updated_at: number };
  message_templates: {
    /** '' for the company's. */
    owner_id: string;
    kind: string;
    language: string;
    subject: string;
    message: string;
    updated_by: string | null;
    updated_at: number;
  };
  customers: {
    id: string;
    name: string | null;
    name_key: string | null;
    number: string | null;
    number_key: string | null;
    recipients: string;
    updated_by: string | null;
    created_at: number;
    updated_at: number;
  };
  app_passwords: { id: string; user_id: string; name: string; hash: string; created_at: number; last_used_at: number | null };
  oauth_access_tokens: { profile_id: string; credential_key: string; secrets: string; obtained_at: number; expires_at: number };
  oauth_sign_ins: {
    id: string;
    profile_id: string;
    user_id: string;
    provider: 'microsoft' | 'google';
    flow: 'device_code' | 'authorization_code';
    status: 'pending' | 'signed_in' | 'failed' | 'expired';
    state_hash: string | null;
    sealed: string;
    details: string;
    poll_interval_ms: number | null;
    next_poll_at: number | null;
    problem_code: string | null;
    result: string | null;
    created_at: number;
    expires_at: number;
    updated_at: number;
  };
  /** PostgreSQL only. */
  relay_instances: { id: string; host: string; pid: number; started_at: number; heartbeat_at: number };
}

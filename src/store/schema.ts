import type { Generated } from 'kysely';

// Column types as both databases return them. Dates are ISO text (YYYY-MM-DD) with a precision beside them,
// so that partial dates compare as text and read back identically from SQLite and PostgreSQL.
export interface PlacesTable {
  id: string;
  kind: string;
  name: string;
  country: string | null;
  parent_id: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  population_year: number | null;
  timezone: string | null;
  /** ISO 639 codes separated by ';' */
  languages: string | null;
  currency: string | null;
  leader_title: string | null;
  leader_name: string | null;
  leader_since: string | null;
  leader_since_precision: string | null;
  wikidata: string | null;
  geonames: number | null;
  updated_at: string;
}

export interface PlaceNamesTable {
  place_id: string;
  lang: string;
  name: string;
}

/** Search keys: normalized whole names and the word-starts inside them (see domain/names). */
export interface PlaceTermsTable {
  term: string;
  place_id: string;
  whole: number;
}

export interface TwinningsTable {
  id: Generated<number>;
  a_id: string;
  b_id: string;
  kind: string;
  signed_on: string | null;
  signed_precision: string | null;
  ended_on: string | null;
  ended_precision: string | null;
  status: string;
  listed_by: string | null;
  notes: string | null;
  updated_at: string;
}

export interface TwinningSourcesTable {
  id: Generated<number>;
  twinning_id: number;
  position: number;
  fact: string | null;
  url: string | null;
  citation: string | null;
}

export interface PlaceSourcesTable {
  id: Generated<number>;
  place_id: string;
  position: number;
  fact: string | null;
  url: string | null;
  citation: string | null;
}

/** An id that no longer names a place, leading to the place it became; `to_id` may lead on in turn. */
export interface PlaceRedirectsTable {
  from_id: string;
  to_id: string;
  reason: string | null;
  created_at: string;
}

export interface PlaceDisagreementsTable {
  id: Generated<number>;
  place_id: string;
  position: number;
  fact: string;
  kept: string | null;
  kept_source: string | null;
  other: string | null;
  other_source: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface SectionsTable {
  subject_type: string;
  subject_id: string;
  key: string;
  lang: string;
  body: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  is_admin: number;
  created_at: string;
  disabled_at: string | null;
  lang: Generated<string>;
  email_confirmed_at: string | null;
  /** the secret in the links of notification mails that opens the user's notification settings */
  notify_token: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  subject: string | null;
  detail: string | null;
}

export interface ThrottleTable {
  id: Generated<number>;
  bucket: string;
  at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** 'reset' (choose a new password), 'confirm' (confirm the address) or 'email' (change it to `detail`) */
  purpose: Generated<string>;
  detail: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_addr: string;
  subject: string;
  body: string;
  created_at: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  /** the address that stops such mail (the List-Unsubscribe header), for notifications */
  list_unsubscribe: string | null;
}

export interface OrganizationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string;
  home_id: string | null;
  about: Generated<string>;
  created_at: string;
}

export interface OrgRolesTable {
  org_id: number;
  user_id: number;
  role: string;
}

export interface RevisionsTable {
  id: Generated<number>;
  entity: string;
  entity_id: string;
  at: string;
  user_id: number | null;
  action: string;
  data: string;
}

export interface EntriesTable {
  id: Generated<number>;
  org_id: number;
  type: string;
  title: string;
  starts_at: string | null;
  ends_at: string | null;
  data: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface EntrySubjectsTable {
  entry_id: number;
  subject_type: string;
  subject_id: string;
}

export interface PhotosTable {
  id: Generated<number>;
  org_id: number;
  subject_type: string;
  subject_id: string;
  caption: string;
  width: number;
  height: number;
  created_by: number | null;
  created_at: string;
}

export interface PhotoFilesTable {
  photo_id: number;
  variant: string;
  mime: string;
  bytes: Buffer;
}

export interface OrgInvitesTable {
  id: Generated<number>;
  org_id: number;
  email: string;
  role: string;
  invited_by: number | null;
  created_at: string;
}

export interface CommentsTable {
  id: Generated<number>;
  entry_id: number;
  parent_id: number | null;
  user_id: number;
  body: string;
  status: string;
  created_at: string;
  moderated_by: number | null;
  moderated_at: string | null;
}

export interface OrgBlocksTable {
  org_id: number;
  user_id: number;
  blocked_by: number | null;
  at: string;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  target_type: string;
  target_id: string;
  mode: string;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  subject: string;
  body: string;
  created_at: string;
  mode: string;
  mailed_at: string | null;
}

/** A change the Wikidata sync found, waiting for (or given) an editor's decision. */
export interface ProposalsTable {
  id: Generated<number>;
  kind: string;
  subject_type: string;
  subject_id: string;
  fact: string;
  old_value: string | null;
  new_value: string;
  payload: string;
  qid: string;
  wd_revision: string | null;
  wd_modified: string | null;
  retrieved_at: string;
  editor_set: Generated<number>;
  status: Generated<string>;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface PlaceKeywordsTable {
  place_id: string;
  keyword: string;
  position: number;
}

export interface SeekingListingsTable {
  id: Generated<number>;
  org_id: number;
  status: string;
  countries: string;
  continents: string;
  fields: string;
  note: string;
  contact_name: string;
  contact_email: string;
  created_at: string;
  updated_at: string;
}

/** An organization's API key: the hash of its secret, never the secret. */
export interface ApiKeysTable {
  id: Generated<number>;
  org_id: number;
  label: string;
  secret_hash: string;
  prefix: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface DB {
  places: PlacesTable;
  place_names: PlaceNamesTable;
  place_terms: PlaceTermsTable;
  twinnings: TwinningsTable;
  twinning_sources: TwinningSourcesTable;
  place_sources: PlaceSourcesTable;
  place_redirects: PlaceRedirectsTable;
  place_disagreements: PlaceDisagreementsTable;
  meta: MetaTable;
  sections: SectionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  throttle: ThrottleTable;
  password_resets: PasswordResetsTable;
  org_invites: OrgInvitesTable;
  outbox: OutboxTable;
  organizations: OrganizationsTable;
  org_roles: OrgRolesTable;
  revisions: RevisionsTable;
  entries: EntriesTable;
  entry_subjects: EntrySubjectsTable;
  photos: PhotosTable;
  photo_files: PhotoFilesTable;
  comments: CommentsTable;
  org_blocks: OrgBlocksTable;
  subscriptions: SubscriptionsTable;
  notifications: NotificationsTable;
  proposals: ProposalsTable;
  place_keywords: PlaceKeywordsTable;
  seeking_listings: SeekingListingsTable;
  api_keys: ApiKeysTable;
}

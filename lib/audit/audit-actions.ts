// Every action the audit trail records. describeAuditEntry has words for each of them in every
// language (a test checks both this list against the code that writes entries and the catalogues
// against this list), so a person never reads an action's key.

export const auditActions = [
  "auth.signed_in", "auth.signed_out", "auth.user_created", "auth.user_linked", "auth.session_ended", "auth.other_sessions_ended",
  "passkey.added", "passkey.removed",
  "person.created", "person.updated", "person.email_change_requested", "person.viewed", "person.search_started", "person.searched",
  "person.identity_linked", "person.erasure_requested", "person.erased", "person.restricted", "person.restriction_lifted", "person.merged",
  "consent.granted", "consent.withdrawn", "consent.pending_confirmation", "consent.updated", "consent.confirmation_resent", "consent.evidence_recorded",
  "interaction.recorded",
  "request.received", "request.confirmed", "request.approved", "request.assigned", "request.noted", "request.denied", "request.extended",
  "request.fulfilled", "request.cancelled", "request.status_changed",
  "export.requested", "export.ready", "export.failed", "export.expired", "export.downloaded",
  "manual_task.created", "manual_task.done", "manual_task.cancelled",
  "staff.role_changed", "staff.invited", "staff.removed",
  "organization.created",
  "import.file_uploaded", "import.queued", "import.cancelled", "import.completed", "import.failed", "import.chunks_swept",
  "system.created", "system.updated", "system.enabled", "system.disabled", "system.secret_rotated", "system.test_event_sent", "system.acknowledged", "system.demo_data_seeded",
  "purpose.created", "purpose.version_drafted", "purpose.version_published", "purpose.retired",
  "api_key.created", "api_key.revoked",
  "signing_key.created",
  "audit.exported",
  "job.replayed",
  "delivery.replayed", "delivery.replayed_failed",
] as const;

export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (value: string): value is AuditAction => (auditActions as readonly string[]).includes(value);

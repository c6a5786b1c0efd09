extension Migrations {
    /// Until this version, a queued message whose run had exited was skipped when it was claimed, whatever ended the
    /// run. Now only an event exit cancels what is queued, at the moment the run ends, and the claim no longer looks at
    /// the run. Messages already waiting behind a run that exited before the upgrade are skipped here, exactly as the
    /// claim would have skipped them, so an upgrade sends nothing the previous version would not have sent.
    static let queuedBeforeExit = Migration(
        version: 16, name: "outbox_messages_of_exited_runs",
        template: [
            """
            UPDATE outbox SET status = 'skipped', next_attempt_at = NULL,
                blocked_reason = 'run_exited:' || COALESCE((SELECT r.reason FROM flow_runs r WHERE r.id = outbox.run_id), 'exited')
            WHERE status IN ('queued', 'blocked') AND run_id IN (SELECT id FROM flow_runs WHERE status = 'exited')
            """
        ])
}

extension Migrations {
    /// PostgreSQL only: the events table keeps its indexes but no longer checks its two foreign keys (the tenant's key,
    /// the contact) row by row. Each check is a lookup that locks the row it finds (`FOR KEY SHARE`): two per event,
    /// 2,000 per batch of 1,000, all but a hundred of them on the same tenant key and the same few contacts. They took
    /// about half of the server's time for a batch's events (docs/postgres.md, "Ingest").
    ///
    /// What they guarded is held by the one writer of events: the ingest transaction reads the tenant's key under the
    /// tenant's ingest lock and writes, in the same transaction and before the events, every contact its events name.
    /// Nothing deletes a contact or a tenant key (erasure anonymises a contact and keeps its row). SQLite kept its foreign
    /// keys until migration 47: there a check locks nothing, but it costs its one writer a B-tree lookup.
    static let eventsWithoutChecks = Migration(
        version: 45, name: "events_without_row_checks",
        template: [],
        dialectOnly: [
            .postgres: [
                "ALTER TABLE events DROP CONSTRAINT IF EXISTS events_compact_contact_id_fkey",
                "ALTER TABLE events DROP CONSTRAINT IF EXISTS events_compact_tenant_key_fkey",
            ]
        ])
}

extension Migrations {
    /// The hourly date sweep asks which time zones a tenant's contacts live in: an index answers without reading the
    /// contacts themselves.
    static let contactTimeZones = Migration(
        version: 39, name: "contact_time_zones",
        template: [
            "CREATE INDEX contacts_timezone ON contacts (tenant_id, timezone)"
        ])
}

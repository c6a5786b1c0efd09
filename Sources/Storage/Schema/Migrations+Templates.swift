extension Migrations {
    /// At most one active version per tenant and template name; it also serves the dispatcher's read of active templates.
    static let templatesIndex = Migration(
        version: 6, name: "templates_index",
        template: [
            "CREATE UNIQUE INDEX templates_one_active ON templates (tenant_id, name) WHERE status = 'active'"
        ])
}

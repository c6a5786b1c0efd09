extension Migrations {
    /// When each contact last wrote on WhatsApp (`message.replied` on that channel): the 24-hour customer service window
    /// in which WhatsApp accepts free-form messages; outside it a message needs an approved template.
    static let whatsappWindow = Migration(
        version: 37, name: "contact_whatsapp_window",
        template: [
            "ALTER TABLE contacts ADD COLUMN whatsapp_inbound_at {bigint}"
        ])
}

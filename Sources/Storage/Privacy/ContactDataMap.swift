/// Every table that holds something about a contact, how its rows are found, and what erasure does to them. The export
/// and the erasure both read this one list, and a test checks that every table with a contact column is in it: a table
/// added without an entry here fails that test.
public enum ContactDataMap {
    /// What erasure does to a table's rows of the person.
    public enum Erasure: Sendable, Equatable {
        /// The rows are deleted.
        case delete
        /// The rows stay (their counts and amounts feed aggregates); these statements blank the personal columns. Each
        /// `SET` clause is applied to the rows `filter` finds.
        case anonymise(set: String)
        /// The rows stay unchanged: they hold no personal data (ids, amounts, dates) or are the erasure's own record.
        case keep
    }

    /// One table: `filter` is a SQL condition with `:tenant` and `:contact` placeholders.
    public struct Table: Sendable {
        public let name: String
        /// The section of the export document (`tables.<section>`).
        public let section: String
        public let filter: String
        /// Columns that order the rows (stable paging); the first is the keyset when `keyset` is set.
        public let order: [String]
        /// Pages by `order[0] > last` instead of an offset (big tables: events).
        public let keyset: Bool
        public let erasure: Erasure
        /// JSON columns whose personal keys erasure removes (`PersonalDataScrubber`).
        public let scrubbed: [String]
        /// The columns that link a row to the contact directly, for the coverage test.
        public let contactColumns: [String]
        /// The condition on the tenant, for one `?` bound to the tenant id.
        public let tenantMatch: String
        /// JSON columns kept in the `StoredProperties` form (the events' properties).
        public let storedProperties: [String]
        /// Internal columns the export leaves out (the events' integer tenant key).
        public let internalColumns: [String]

        init(
            _ name: String, section: String? = nil, filter: String = "tenant_id = :tenant AND contact_id = :contact", order: [String],
            keyset: Bool = false, erasure: Erasure, scrubbed: [String] = [], contactColumns: [String] = ["contact_id"],
            tenantMatch: String = "tenant_id = ?", storedProperties: [String] = [], internalColumns: [String] = []
        ) {
            self.tenantMatch = tenantMatch
            self.storedProperties = storedProperties
            self.internalColumns = internalColumns
            self.name = name
            self.section = section ?? name
            self.filter = filter
            self.order = order
            self.keyset = keyset
            self.erasure = erasure
            self.scrubbed = scrubbed
            self.contactColumns = contactColumns
        }

        /// The filter with `?` placeholders and the binds in their order.
        public func condition(tenantID: String, contactID: String) -> SQLStatement {
            var binds: [SQLValue] = []
            var sql = ""
            var index = filter.startIndex
            while index < filter.endIndex {
                let rest = filter[index...]
                if rest.hasPrefix(":tenant") {
                    sql += "?"
                    binds.append(.text(tenantID))
                    index = filter.index(index, offsetBy: ":tenant".count)
                } else if rest.hasPrefix(":contact") {
                    sql += "?"
                    binds.append(.text(contactID))
                    index = filter.index(index, offsetBy: ":contact".count)
                } else {
                    sql.append(filter[index])
                    index = filter.index(after: index)
                }
            }
            return SQLStatement(sql, binds)
        }
    }

    static let ofMessages = "message_id IN (SELECT id FROM messages WHERE tenant_id = :tenant AND contact_id = :contact)"
    static let ofOrders = "order_id IN (SELECT id FROM orders WHERE tenant_id = :tenant AND contact_id = :contact)"
    static let ofShopOrders = "order_id IN (SELECT external_id FROM orders WHERE tenant_id = :tenant AND contact_id = :contact)"
    static let ofConversations = "conversation_id IN (SELECT id FROM conversations WHERE tenant_id = :tenant AND contact_id = :contact)"
    static let ofLeads = "lead_id IN (SELECT id FROM leads WHERE tenant_id = :tenant AND contact_id = :contact)"
    static let open = "status IN ('pending', 'active', 'waiting')"

    /// Every table, in the export's order (the contact first).
    public static let tables: [Table] = [
        Table(
            "contacts", section: "profile", filter: "tenant_id = :tenant AND id = :contact", order: ["id"],
            erasure: .anonymise(
                set: """
                    email = NULL, phone = NULL, external_id = 'erased:' || id, first_name = NULL, last_name = NULL, locale = NULL, \
                    timezone = NULL, birthdate = NULL, attributes = '{}', consent_email = 0, consent_email_source = 'erased', \
                    consent_sms = 0, consent_sms_source = 'erased', consent_whatsapp = 0, consent_whatsapp_source = 'erased'
                    """), contactColumns: ["id"]),
        Table(
            "events", filter: "tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = :tenant) AND contact_id = :contact", order: ["seq"],
            keyset: true, erasure: .anonymise(set: ""), scrubbed: ["properties"], tenantMatch: EventsTable.tenantMatch,
            storedProperties: ["properties"], internalColumns: ["tenant_key"]),
        Table("orders", order: ["id"], erasure: .anonymise(set: "tracking_number = NULL, tracking_url = NULL")),
        Table("order_lines", filter: "tenant_id = :tenant AND " + ofOrders, order: ["order_id", "line_number"], erasure: .keep, contactColumns: []),
        Table(
            "supplier_orders", filter: "tenant_id = :tenant AND " + ofShopOrders, order: ["order_id", "supplier"], erasure: .anonymise(set: ""),
            scrubbed: ["details"], contactColumns: []),
        Table("carts", order: ["id"], erasure: .anonymise(set: "checkout_url = NULL")),
        Table("wishlist_items", order: ["sku"], erasure: .delete),
        Table("reviews", order: ["id"], erasure: .anonymise(set: "text = NULL")),
        Table("messages", order: ["id"], erasure: .anonymise(set: "subject = NULL")),
        Table("message_events", filter: "tenant_id = :tenant AND " + ofMessages, order: ["seq"], keyset: true, erasure: .keep, contactColumns: []),
        Table(
            "outbox", order: ["id"],
            erasure: .anonymise(
                set: """
                    recipient = NULL, subject = NULL, body = NULL, options = '{}', \
                    blocked_reason = CASE WHEN status IN ('queued', 'blocked') THEN 'erased' ELSE blocked_reason END, \
                    next_attempt_at = NULL, status = CASE WHEN status IN ('queued', 'blocked') THEN 'skipped' ELSE status END
                    """)),
        Table(
            "flow_runs", order: ["id"],
            erasure: .anonymise(
                set: "reason = CASE WHEN \(open) THEN 'erased' ELSE reason END, wake_at = NULL, status = CASE WHEN \(open) THEN 'exited' ELSE status END"),
            scrubbed: ["state"]),
        Table(
            "flow_actions", order: ["id"],
            erasure: .anonymise(
                set: """
                    last_error = CASE WHEN status IN ('pending', 'open') THEN 'erased' ELSE last_error END, next_attempt_at = NULL, \
                    status = CASE WHEN status IN ('pending', 'open') THEN 'failed' ELSE status END
                    """), scrubbed: ["payload"]),
        Table("recommendation_decisions", order: ["recommendation_id"], erasure: .delete),
        Table("segment_members", section: "segment_memberships", order: ["segment_id"], erasure: .delete),
        Table("coupons", order: ["code"], erasure: .keep),
        Table(
            "referrals", filter: "tenant_id = :tenant AND (referred_contact_id = :contact OR referrer_contact_id = :contact)",
            order: ["referred_contact_id"], erasure: .keep, contactColumns: ["referred_contact_id", "referrer_contact_id"]),
        Table("leads", order: ["id"], erasure: .anonymise(set: "company = NULL, message = NULL, qualification = NULL")),
        Table("lead_notes", filter: "tenant_id = :tenant AND " + ofLeads, order: ["id"], erasure: .delete, contactColumns: []),
        Table(
            "tasks", order: ["id"],
            erasure: .anonymise(set: "contact_name = NULL, contact_email = NULL, contact_phone = NULL, subject = '(erased)', details = ''")),
        Table("conversations", order: ["id"], erasure: .anonymise(set: ""), scrubbed: ["state"]),
        Table(
            "conversation_messages", filter: "tenant_id = :tenant AND " + ofConversations, order: ["conversation_id", "seq"], erasure: .delete,
            contactColumns: []),
        Table("voice_calls", order: ["call_id"], erasure: .anonymise(set: "phone = NULL, transcript = '', summary = NULL")),
        Table("erasure_audit", section: "erasure", order: ["contact_id"], erasure: .keep),
    ]

    /// The table named `name`.
    public static func table(_ name: String) -> Table? { tables.first { $0.name == name } }
}

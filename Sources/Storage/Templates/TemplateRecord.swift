import AutopilotCore
import Foundation

/// One version of a tenant's message template, as stored: the columns flows and lists filter on, and the whole template
/// as a JSON document (the `MessageTemplate.jsonObject` form). The columns are authoritative for name, version, status
/// and `generated_by`; the document carries the texts.
public struct TemplateRecord: Sendable, Hashable {
    public var tenantID: String
    /// The name flows reference, e.g. `abandoned-cart-sms`.
    public var name: String
    /// 1, 2, 3… per tenant and name.
    public var version: Int
    /// `email`, `sms` or `whatsapp`.
    public var channel: String
    /// `draft`, `active` or `archived`. At most one version per tenant and name is active.
    public var status: TemplateStatus
    /// `library`, `person` or `assistant`.
    public var generatedBy: String
    /// The template as a JSON object text.
    public var document: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        tenantID: String, name: String, version: Int, channel: String, status: TemplateStatus, generatedBy: String, document: String, createdAt: Date,
        updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.name = name
        self.version = version
        self.channel = channel
        self.status = status
        self.generatedBy = generatedBy
        self.document = document
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = ["tenant_id", "name", "version", "channel", "status", "generated_by", "document", "created_at", "updated_at"]
    static let selectList = columns.joined(separator: ", ")

    var values: [SQLValue] {
        [
            .text(tenantID), .text(name), .integer(version), .text(channel), .text(status.rawValue), .text(generatedBy), .text(document),
            .date(createdAt),
            .date(updatedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            tenantID: row.text(0) ?? "", name: row.text(1) ?? "", version: Int(row.int(2) ?? 0), channel: row.text(3) ?? "",
            status: TemplateStatus(rawValue: row.text(4) ?? "") ?? .draft,
            generatedBy: row.text(5) ?? "", document: row.text(6) ?? "{}", createdAt: row.date(7) ?? .distantPast,
            updatedAt: row.date(8) ?? .distantPast)
    }
}

/// A template version changed between the moment it was read and the moment a status change was asked for it
/// (an edit landed while it was being checked for activation). Nothing was written.
public struct TemplateChangedError: AutopilotError, Equatable, CustomStringConvertible {
    public var code: String { "template_changed" }
    public var name: String
    public var version: Int

    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    public var category: ErrorCategory { .conflict }
    public var message: String { "template \(name) version \(version) changed while it was being checked; try again" }
    public var description: String { message }
}

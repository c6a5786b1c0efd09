import AutopilotCore
import Foundation

/// A coupon issued with a message.
public struct CouponRecord: Sendable, Hashable {
    public var tenantID: String
    public var code: String
    public var kind: CouponKind
    public var percent: Double
    public var contactID: String
    public var messageID: String
    public var validUntil: Date?
    public var createdAt: Date

    public init(
        tenantID: String, code: String, kind: CouponKind, percent: Double, contactID: String, messageID: String, validUntil: Date?, createdAt: Date
    ) {
        self.tenantID = tenantID
        self.code = code
        self.kind = kind
        self.percent = percent
        self.contactID = contactID
        self.messageID = messageID
        self.validUntil = validUntil
        self.createdAt = createdAt
    }

    static let columns = ["tenant_id", "code", "kind", "percent", "contact_id", "message_id", "valid_until", "created_at"]

    var values: [SQLValue] {
        [
            .text(tenantID), .text(code), .text(kind.rawValue), .double(percent), .text(contactID), .text(messageID), .date(validUntil),
            .date(createdAt),
        ]
    }
}

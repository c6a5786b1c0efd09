import AutopilotCore
import Foundation
import Storage

/// A segment as the API and the CLI show it, with its live member count.
public struct SegmentView: Sendable, Encodable, Equatable {
    public var id: String
    public var name: String
    public var condition: String
    public var members: Int
    /// Whether the condition reads `history.*` or `scores.*` (the segment is also swept on a timer).
    public var timeDependent: Bool
    /// False until every contact was placed since the condition last changed (the count is still growing).
    public var ready: Bool
    public var sweptAt: String?
    public var createdAt: String
    public var updatedAt: String

    init(_ record: SegmentRecord, members: Int) {
        id = record.id
        name = record.name
        condition = record.condition
        self.members = members
        timeDependent = record.timeDependent
        ready = record.filled
        sweptAt = record.sweptAt.map(Timestamp.format)
        createdAt = Timestamp.format(record.createdAt)
        updatedAt = Timestamp.format(record.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, condition, members, ready
        case timeDependent = "time_dependent"
        case sweptAt = "swept_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A member of a segment as listed.
public struct SegmentMemberView: Sendable, Encodable, Equatable {
    public var contactID: String
    public var email: String?
    public var phone: String?
    public var since: String

    enum CodingKeys: String, CodingKey {
        case email, phone, since
        case contactID = "contact_id"
    }
}

public import Foundation

/// Call-back slots from the tenant's business hours, and booking one (the callbacks service plugs in here).
public protocol CallbackBooking: Sendable {
    /// The next open slots after `after`, or nil when callbacks cannot be booked here.
    func openSlots(after: Date, limit: Int, context: ChatContext) async throws -> [ChatCallbackSlot]?
    /// Books the slot; `key` makes a retry a no-op. False when the slot could not be booked.
    func book(_ request: ChatCallbackRequest, key: String, context: ChatContext) async throws -> Bool
}

/// A time the team can call back, with its label in the tenant's time zone and the visitor's language.
public struct ChatCallbackSlot: Sendable, Codable, Hashable {
    public var startsAt: Date
    /// "mardi 9 décembre à 10:00", "Tuesday 9 December at 10:00".
    public var label: String

    public init(startsAt: Date, label: String) {
        self.startsAt = startsAt
        self.label = label
    }
}

/// The default until the callbacks service is plugged in: no slots, nothing booked.
public struct NoCallbackBooking: CallbackBooking {
    public init() {}

    public func openSlots(after: Date, limit: Int, context: ChatContext) async throws -> [ChatCallbackSlot]? { nil }

    public func book(_ request: ChatCallbackRequest, key: String, context: ChatContext) async throws -> Bool { false }
}

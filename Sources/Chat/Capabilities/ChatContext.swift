public import Foundation
public import Scoring

/// Who a capability works for, and when: one tenant's conversation at the clock's `now`.
public struct ChatContext: Sendable, Hashable {
    public var tenantID: String
    public var conversationID: String
    /// The contact, when the visitor is known.
    public var contactID: String?
    public var language: ScoringLocale
    public var now: Date

    public init(tenantID: String, conversationID: String, contactID: String?, language: ScoringLocale, now: Date) {
        self.tenantID = tenantID
        self.conversationID = conversationID
        self.contactID = contactID
        self.language = language
        self.now = now
    }
}

import Foundation

/// Where reading a tenant's mailbox stands: the folder's UIDVALIDITY and the highest UID read.
public struct MailboxPollState: Sendable, Equatable {
    public var tenantID: String
    /// `user@host:port/folder`.
    public var mailbox: String
    public var uidValidity: UInt32
    public var lastUID: UInt32
    public var messagesRead: Int
    public var polledAt: Date
    public var lastError: String?

    public init(
        tenantID: String, mailbox: String, uidValidity: UInt32, lastUID: UInt32, messagesRead: Int = 0, polledAt: Date, lastError: String? = nil
    ) {
        self.tenantID = tenantID
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.messagesRead = messagesRead
        self.polledAt = polledAt
        self.lastError = lastError
    }
}

/// The mailbox poller's memory, and the retry of an email that soft-bounced. Each operation is one transaction.
public protocol MailboxStore: Sendable {
    /// The tenants that set `name` in their settings (those with a mailbox to read).
    func tenants(withSetting name: String) async throws -> [String]
    func mailboxPoll(tenantID: String, mailbox: String) async throws -> MailboxPollState?
    /// Records what a poll read. Two pollers of the same mailbox never move it back: the higher UID of one UIDVALIDITY wins,
    /// and a new UIDVALIDITY starts over.
    func recordMailboxPoll(_ state: MailboxPollState, read: Int) async throws
    /// Records a poll that failed, keeping where reading stands.
    func recordMailboxError(tenantID: String, mailbox: String, error: String, at: Date) async throws
    /// Sends a soft-bounced email once more at `at`: a sent email that has not soft-bounced before goes back to the queue.
    /// False when it was not sent, is not an email of this tenant, or already had its second try.
    func retrySoftBounce(messageID: String, tenantID: String, reason: String, at: Date) async throws -> Bool
}

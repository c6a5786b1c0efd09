import Channels
import Foundation

/// One `SMTPSender` per distinct SMTP settings, kept across dispatch batches so their connections are reused. Tenants with
/// identical settings share a sender. When a tenant's settings change, the sender nobody uses any more is shut down.
public actor SMTPSenderPool {
    private var senders: [SMTPSettings: SMTPSender] = [:]
    private var users: [String: SMTPSettings] = [:]

    public init() {}

    /// The sender for `settings`, used by `user` (a tenant and channel); created on first use.
    public func sender(for settings: SMTPSettings, user: String) async throws(SMTPConfigurationError) -> SMTPSender {
        let previous = users[user]
        let sender: SMTPSender
        if let existing = senders[settings] {
            sender = existing
        } else {
            sender = try SMTPSender(settings: settings)
            senders[settings] = sender
        }
        users[user] = settings
        if let previous, previous != settings, !users.values.contains(previous), let unused = senders.removeValue(forKey: previous) {
            await unused.shutdown()
        }
        return sender
    }

    /// Forgets `user` (its settings were removed), shutting down a sender nobody else uses.
    public func release(user: String) async {
        guard let previous = users.removeValue(forKey: user), !users.values.contains(previous),
            let unused = senders.removeValue(forKey: previous)
        else { return }
        await unused.shutdown()
    }

    /// How many senders are kept (tests, metrics).
    public var count: Int { senders.count }

    /// Says QUIT on every kept connection.
    public func shutdown() async {
        let all = Array(senders.values)
        senders = [:]
        users = [:]
        for sender in all { await sender.shutdown() }
    }
}

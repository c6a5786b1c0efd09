import AutopilotCore
import Channels
import Foundation
import Integrations
import Logging
import Storage

/// What one read of a mailbox did.
public struct MailboxPollReport: Sendable, Equatable, Encodable {
    public var mailbox: String
    /// Messages fetched (new UIDs).
    public var read: Int
    /// Events recorded from them (replies, bounces, deliveries, complaints); duplicates not counted.
    public var recorded: Int
    /// Messages that recorded nothing, by reason (`auto_reply`, `delayed`, `no_contact`…).
    public var ignored: [String: Int]
    /// UIDs still waiting (beyond the batch).
    public var remaining: Int
}

/// Reads a tenant's mailbox over IMAP: the messages with a UID above the last one read (all of them when the folder's
/// UIDVALIDITY changed), each translated by `InboundMailTranslator` and recorded, then remembers the highest UID. A
/// message is recorded once: its UID is not fetched again, and a second poller racing on the same mailbox meets the
/// events' idempotency keys.
public struct MailboxPoller: Sendable {
    public let dependencies: Dependencies
    public let cipher: SettingsCipher?
    /// Overrides the certificates trusted (tests against a self-signed server).
    public var trustRoots: SMTPSettings.TrustRoots?

    public init(dependencies: Dependencies, cipher: SettingsCipher?, trustRoots: SMTPSettings.TrustRoots? = nil) {
        self.dependencies = dependencies
        self.cipher = cipher
        self.trustRoots = trustRoots
    }

    /// Reads the tenant's mailbox once; nil when the tenant has none. A failure is recorded with the poll state and thrown.
    public func poll(tenantID: String) async throws -> MailboxPollReport? {
        let values = try await ShopSettings.load(dependencies.store, tenantID: tenantID, cipher: cipher).values
        guard var settings = try MailboxSettings.imap(values) else { return nil }
        if let trustRoots { settings.trustRoots = trustRoots }
        let translator = InboundMailTranslator(source: "imap", bounceAddress: values["email.bounce_address"])
        do {
            return try await read(settings, translator: translator, tenantID: tenantID)
        } catch {
            try? await dependencies.store.recordMailboxError(
                tenantID: tenantID, mailbox: settings.mailboxName, error: "\(error)", at: dependencies.clock.now())
            throw error
        }
    }

    private func read(_ settings: IMAPSettings, translator: InboundMailTranslator, tenantID: String) async throws -> MailboxPollReport {
        let store = dependencies.store
        let state = try await store.mailboxPoll(tenantID: tenantID, mailbox: settings.mailboxName)
        let recorder = InboundMailRecorder(dependencies: dependencies, tenantID: tenantID)
        let clock = dependencies.clock
        return try await IMAPClient(settings: settings).withSession { session in
            let folder = try await session.examine()
            let after = state.map { $0.uidValidity == folder.uidValidity ? $0.lastUID : 0 } ?? 0
            let uids = try await session.uids(after: after)
            let batch = uids.prefix(settings.batchSize)
            var report = MailboxPollReport(mailbox: settings.mailboxName, read: 0, recorded: 0, ignored: [:], remaining: uids.count - batch.count)
            var last = after
            for uid in batch {
                if let raw = try await session.message(uid: uid) {
                    report.read += 1
                    let key = "uid:\(folder.uidValidity):\(uid)"
                    switch translator.translate(raw: raw, fallbackKey: key, now: clock.now()) {
                    case .events(let events):
                        do {
                            report.recorded += try await recorder.record(events).accepted.count
                        } catch let error as ValidationError {
                            // An email whose content cannot be recorded is skipped, never read again and again.
                            dependencies.logger.warning("mailbox message not recorded", metadata: ["uid": "\(uid)", "error": "\(error)"])
                            report.ignored["invalid", default: 0] += 1
                        }
                    case .ignored(let reason):
                        report.ignored[reason.code, default: 0] += 1
                    }
                }
                last = uid
                try await store.recordMailboxPoll(
                    MailboxPollState(tenantID: tenantID, mailbox: settings.mailboxName, uidValidity: folder.uidValidity, lastUID: last, polledAt: clock.now()),
                    read: 1)
            }
            if batch.isEmpty {
                try await store.recordMailboxPoll(
                    MailboxPollState(tenantID: tenantID, mailbox: settings.mailboxName, uidValidity: folder.uidValidity, lastUID: last, polledAt: clock.now()),
                    read: 0)
            }
            return report
        }
    }
}

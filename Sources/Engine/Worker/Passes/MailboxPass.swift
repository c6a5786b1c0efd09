import Channels
import Foundation
import Logging
import Storage

/// Reads the mailboxes of the tenants that set one (`imap.host`), each when its interval (`imap.interval_seconds`) has
/// passed since its last read. A mailbox that cannot be read is logged and tried again at its next interval; the others
/// go on.
struct MailboxPass: WorkerPass {
    let poller: MailboxPoller

    var name: String { "mailbox" }
    var interval: Duration { .seconds(30) }

    func run(_ round: inout WorkerRound) async throws -> Int {
        let dependencies = poller.dependencies
        var read = 0
        for tenantID in try await dependencies.store.tenants(withSetting: "imap.host") {
            let values = try await ShopSettings.load(dependencies.store, tenantID: tenantID, cipher: poller.cipher).values
            guard let settings = try? MailboxSettings.imap(values) else { continue }
            if let last = try await dependencies.store.mailboxPoll(tenantID: tenantID, mailbox: settings.mailboxName),
                last.polledAt.addingTimeInterval(MailboxSettings.interval(values)) > round.now
            {
                continue
            }
            do {
                if let report = try await poller.poll(tenantID: tenantID) {
                    read += report.read
                    if report.read > 0 {
                        dependencies.logger.info(
                            "mailbox read", metadata: ["tenant": "\(tenantID)", "read": "\(report.read)", "recorded": "\(report.recorded)"])
                    }
                }
            } catch {
                dependencies.logger.warning("mailbox not read", metadata: ["tenant": "\(tenantID)", "error": "\(error)"])
            }
        }
        return read
    }
}

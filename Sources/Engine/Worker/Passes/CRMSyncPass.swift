import Foundation
import Logging

/// The CRM sync (docs/crm.md) as a pass: new leads and orders into the CRM outbox, what is due sent. It runs beside the flow
/// sweep, on its own schedule.
struct CRMSyncPass: WorkerPass {
    let sync: CRMSync

    var name: String { "crm-sync" }

    func run(_ round: inout WorkerRound) async throws -> Int {
        let report = try await sync.runDue(now: round.now)
        if report.sent + report.refused + report.failed > 0 {
            sync.logger.debug("CRM pass", metadata: ["sent": "\(report.sent)", "retrying": "\(report.refused)", "failed": "\(report.failed)"])
        }
        return report.eventsRead + report.sent + report.refused + report.failed
    }
}

import AutopilotCore
import Content
import Flows
import Foundation

extension WeeklyReporter {
    /// Adds the week's holdout comparison and split variants to the lines of flows that have either (one query per such flow).
    func measure(_ lines: inout [WeeklyReport.FlowLine], week: ReportWeek, language: ContentLanguage, analytics: FlowAnalytics) async throws {
        let catalog = try await FlowCatalog.load(tenantID: tenantID, store: dependencies.store)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for index in lines.indices {
            guard let definition = catalog.entries[lines[index].flow]?.current,
                definition.holdout != nil || definition.split != nil || (catalog.experiments.tenantHoldoutPercent > 0 && !definition.isTransactional)
            else { continue }
            let experiment = try await analytics.experiment(flowID: definition.id, from: week.start, until: week.end)
            guard experiment.treatment != nil || experiment.variants != nil else { continue }
            let data = try encoder.encode(experiment)
            lines[index].experiment = (try? JSONParser.parse(String(decoding: data, as: UTF8.self))) ?? .null
            lines[index].liftSentence = experiment.sentence.map { language == .french ? $0.fr : $0.en }
        }
    }
}

import ArgumentParser
import AutopilotCore
import Decisions
import Engine
import Foundation
import Scoring

struct RecommendationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommendations", abstract: "The follow-ups Autopilot proposes now (or --at a moment), with their reasons.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
    @Option(help: "The moment to evaluate, ISO 8601 (default: now).") var at: String?
    @Option(help: "Language of the reasons when the contact's is unknown: fr or en.") var locale = "fr"
    @Option(help: "Show at most this many (text output).") var limit = 20
    @Flag(help: "Print a JSON array.") var json = false

    func run() async throws {
        var moment: Date?
        if let at {
            guard let parsed = Timestamp.parse(at) else { throw ValidationError("--at: \"\(at)\" is not an ISO 8601 date-time with a time zone") }
            moment = parsed
        }
        let language = ScoringLocale(languageTag: locale)
        let evaluatedAt = moment
        let recommendations = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
            let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
            return try await InsightsService(dependencies: dependencies, tenantID: tenantID).pendingViews(at: evaluatedAt, locale: language)
        }
        if json {
            try JSONOutput.print(recommendations)
            return
        }
        print("\(recommendations.count) recommendations")
        for view in recommendations.prefix(limit) {
            let recommendation = view.recommendation
            print(
                "  [\(recommendation.priority.rawValue)] \(recommendation.contactEmail ?? recommendation.contactID) — \(recommendation.rule.rawValue): \(recommendation.reason)"
            )
            if let retention = view.retention { print("      to keep them (\(retention.provider)): \(retention.text)") }
        }
    }
}

import ArgumentParser
import AutopilotCore
import Decisions
import Engine
import Foundation
import Scoring

struct RecommendationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommendations",
        abstract: "Today's follow-ups (or --at a moment), ranked by what they are worth, each with why it is on the list.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
    @Option(help: "The moment to evaluate, ISO 8601 (default: now).") var at: String?
    @Option(help: "Language of the reasons and why lines: fr or en.") var locale = "fr"
    @Option(help: "Show this many (default: the tenant's daily limit, 25 unless set with --set-daily-limit).") var limit: Int?
    @Option(help: "Skip this many of the ranked list (the next page).") var offset = 0
    @Flag(help: "Show every pending follow-up, not only the daily list.") var all = false
    @Option(help: "Store the tenant's daily list size (1 to 500) and exit.") var setDailyLimit: Int?
    @Flag(help: "Print the list as JSON (total, limit, offset, recommendations).") var json = false

    func run() async throws {
        var moment: Date?
        if let at {
            guard let parsed = Timestamp.parse(at) else { throw ValidationError("--at: \"\(at)\" is not an ISO 8601 date-time with a time zone") }
            moment = parsed
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        let evaluatedAt = moment
        let size = all ? Int.max : limit
        let (language, offset, newLimit) = (locale, offset, setDailyLimit)
        let list = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies -> DailyRecommendations? in
            let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
            if let newLimit {
                try await RecommendationSettings.update(store, tenantID: tenantID, dailyLimit: newLimit, now: dependencies.clock.now())
                return nil
            }
            return try await InsightsService(dependencies: dependencies, tenantID: tenantID).dailyList(
                limit: size, offset: offset, language: language, at: evaluatedAt)
        }
        guard let list else {
            print("Daily list set to \(setDailyLimit ?? 0) follow-ups.")
            return
        }
        if json {
            try JSONOutput.print(list)
            return
        }
        print(Self.heading(list))
        for (index, view) in list.items.enumerated() {
            let recommendation = view.recommendation
            let who = recommendation.contactName ?? recommendation.contactEmail ?? recommendation.contactID
            print("  \(list.offset + index + 1). [\(recommendation.priority.rawValue)] \(who) — \(recommendation.rule.rawValue)")
            print("      \(view.why ?? recommendation.reason)")
            if let retention = view.retention { print("      to keep them (\(retention.provider)): \(retention.text)") }
        }
        if list.hasMore {
            let rest = list.total - list.offset - list.items.count
            print(list.language == "fr" ? "  … et \(rest) de plus (--all pour tout voir)" : "  … and \(rest) more (--all to see them all)")
        }
    }

    static func heading(_ list: DailyRecommendations) -> String {
        list.language == "fr"
            ? "\(list.items.count) relances sur \(list.total) (liste du jour : \(list.dailyLimit))"
            : "\(list.items.count) follow-ups of \(list.total) (daily list: \(list.dailyLimit))"
    }
}

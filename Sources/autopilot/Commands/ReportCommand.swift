import ArgumentParser
import AutopilotCore
import Content
import Engine
import Foundation

/// `autopilot report weekly`: the weekly report (docs/reports.md).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports from the database, with prose from the language-model gateway.", subcommands: [Weekly.self])

    struct Weekly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly report: summary, flows against the previous week, ROI per flow, insights, recommendations, alerts.")
        @Option(help: "The last day of the week, YYYY-MM-DD (default: yesterday, UTC).") var weekEnding: String?
        @Option(help: "The language of the prose: fr or en.") var language = "fr"
        @Flag(help: "Print the stable JSON object (docs/reports.md).") var json = false
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let week: ReportWeek?
            do {
                week = try weekEnding.map(ReportWeek.init(ending:))
            } catch let error as AutopilotCore.ValidationError {
                throw ArgumentParser.ValidationError("--week-ending: \(error.message)")
            }
            guard let language = ContentLanguage(rawValue: language) else {
                throw ArgumentParser.ValidationError("--language: \"\(language)\" is not fr or en")
            }
            let environment = ProcessInfo.processInfo.environment
            let prices: MessagePrices
            do {
                prices = try MessagePrices.fromEnvironment(environment)
            } catch let error as AutopilotCore.ValidationError {
                throw ArgumentParser.ValidationError("\(error.field ?? "environment"): \(error.message)")
            }
            let flag = tenant
            let report = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(flag, store: store)
                return try await WeeklyReporter(dependencies: dependencies, tenantID: tenantID, prices: prices)
                    .report(week: week, language: language)
            }
            print(json ? JSONValue.object(report.jsonObject).jsonString : report.text)
        }
    }
}

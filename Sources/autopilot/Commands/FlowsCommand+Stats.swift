import ArgumentParser
import AutopilotCore
import Engine
import Foundation

extension FlowsCommand {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Flow analytics: runs, messages per step, blocks by reason, attributed orders and revenue (see docs/flows.md).")
        @Argument(help: "A flow id (default: every flow, one line each).") var id: String?
        @Option(help: "Only runs started, messages queued and orders placed at or after this time (ISO 8601).") var from: String?
        @Option(help: "… and before this time (ISO 8601).") var until: String?
        @Flag(help: "Print JSON (an object for one flow, an array for all).") var json = false
        @OptionGroup var options: TenantOptions

        func run() async throws {
            let start = try from.map { try Self.time($0, "--from") }
            let end = try until.map { try Self.time($0, "--until") }
            let id = self.id
            let stats = try await options.administration { administration in
                let analytics = FlowAnalytics(store: administration.store, tenantID: administration.tenantID)
                if let id { return [try await analytics.stats(flowID: id, from: start, until: end)] }
                return try await analytics.stats(from: start, until: end)
            }
            switch (json, id) {
            case (true, .some): try JSONOutput.print(stats[0])
            case (true, nil): try JSONOutput.print(stats)
            case (false, .some): FlowStatsTable.flow(stats[0]).forEach { print($0) }
            case (false, nil): FlowStatsTable.overview(stats).forEach { print($0) }
            }
        }

        static func time(_ text: String, _ option: String) throws -> Date {
            guard let date = Timestamp.parse(text) else {
                throw ValidationError("\(option): \"\(text)\" is not an ISO 8601 time such as 2026-03-01T00:00:00Z")
            }
            return date
        }
    }
}

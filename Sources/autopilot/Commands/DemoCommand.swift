import ArgumentParser
import AutopilotCore
import DemoShop
import Engine
import Foundation
import Storage

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "See Autopilot at work: generate a realistic shop, ingest it and report — zero configuration.")

    @Option(help: "SQLite file to create (default: a new temporary folder).") var database: String?
    @Option(help: "Number of customers to generate.") var contacts = 2_000
    @Option(help: "Seed of the generator (same seed, same shop).") var seed: UInt64 = 42
    @Option(help: "Days at the end of the shop's history lived through the flows (0 to skip).") var flowDays = 30
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        guard contacts >= 1, contacts <= 10_000_000 else { throw ValidationError("--contacts: between 1 and 10,000,000") }
        guard (0...365).contains(flowDays) else { throw ValidationError("--flow-days: between 0 and 365") }
        let path =
            try database
            ?? {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-demo-\(UUID().uuidString.prefix(8))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                return folder.appendingPathComponent("demo.sqlite").path
            }()
        if FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--database: \(path) already exists; the demo creates a fresh database (remove it or choose another path)")
        }
        let today = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 12 * 3600)
        let shop = DemoShopConfiguration(seed: seed, contacts: contacts, now: today)
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        if !json { print("Autopilot demo — generating a shop with \(contacts) customers into \(path)") }
        let report = try await CommandLineSetup.withMigratedStore(.sqlite(path: path)) { store, dependencies in
            var demoDependencies = dependencies
            demoDependencies.clock = ManualClock(today)
            demoDependencies.ids = SeededIDGenerator(seed: seed)
            let start = shop.now.addingTimeInterval(-Double(flowDays) * 86_400)
            return try await DemoRunner(dependencies: demoDependencies, configuration: shop, flowDays: flowDays).run(
                progress: { count in
                    if interactive, count % 20_000 == 0 { FileHandle.standardError.write(Data("\r  \(count) events ingested…".utf8)) }
                },
                flowProgress: { day in
                    let elapsed = Int(day.timeIntervalSince(start) / 86_400)
                    if interactive { FileHandle.standardError.write(Data("\r  flows: day \(elapsed) of \(flowDays)…          ".utf8)) }
                })
        }
        if interactive { FileHandle.standardError.write(Data("\r".utf8)) }
        if json {
            try JSONOutput.print(report)
        } else {
            DemoPrinter.print(report, path: path)
        }
    }
}

/// The human-readable demo report.
enum DemoPrinter {
    static func print(_ report: DemoReport, path: String) {
        let summary = report.summary
        let rate = report.seconds > 0 ? Double(report.events) / report.seconds : 0
        Swift.print(
            """

            Ingested \(report.events) events in \(String(format: "%.1f", report.seconds)) s (\(Int(rate)) events/s) through the same pipeline as POST /v1/events.

            The shop
              customers          \(summary.contacts - summary.leads) (+ \(summary.leads) B2B leads)
              leads by tier      \(format(summary.leadsByTier))
              email consent      \(summary.consentedEmail)   SMS consent \(summary.consentedSMS)
              products           \(summary.products)
              orders             \(summary.orders), revenue \(String(format: "%.2f", summary.revenue)) EUR
              order statuses     \(format(summary.ordersByStatus))
              carts              \(format(summary.cartsByStatus))
              reviews            \(summary.reviews), average \(summary.averageRating.map { String(format: "%.2f", $0) } ?? "–")/5
              wishlist items     \(summary.wishlistItems)
              messages tracked   \(summary.messages)

            Customers by RFM segment
              \(format(report.insights.segments))
            Churn risk
              \(format(report.insights.churnBands))
            Most valuable customers (lifetime value over 39 weeks, BG/NBD + Gamma-Gamma)
            \(report.insights.topCustomers.map { "  \($0.email ?? "?")  \(String(format: "%.2f", $0.clv)) EUR, P(alive) \(String(format: "%.2f", $0.probabilityAlive)), \($0.segment)" }.joined(separator: "\n"))
            \(report.insights.lifetimeWarnings.map { "  note: \($0)" }.joined(separator: "\n"))
            Today's follow-ups to approve (\(report.insights.recommendationsByRule.values.reduce(0, +)): \(format(report.insights.recommendationsByRule)))
            \(report.insights.topRecommendations.map { "  [\($0.priority)] \($0.contact): \($0.reason)" + ($0.retention.map { "\n      to keep them: \($0)" } ?? "") }.joined(separator: "\n"))
            \(flows(report))
            Explore it:
              swift run autopilot serve --database \(path)
              curl -H "Authorization: Bearer \(report.apiKey)" http://127.0.0.1:8080/v1/events?limit=5
            """)
    }

    /// The flows over the simulated days, one line each, then what held messages back.
    static func flows(_ report: DemoReport) -> String {
        guard report.flowDays > 0 else { return "" }
        func cell(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
        }
        func number(_ value: Int, _ width: Int) -> String { String(repeating: " ", count: max(0, width - String(value).count)) + String(value) }
        var lines = [
            "",
            "The built-in flows over the last \(report.flowDays) days (simulated in \(String(format: "%.1f", report.flowSeconds)) s, \(report.flowPasses) engine passes; the log sender, nothing left the machine)",
            "  " + cell("flow", 28) + "  runs  sent  held  opened  clicked  orders   revenue",
        ]
        for line in report.flows.sorted(by: { ($0.revenue, $0.sent, $0.flow) > ($1.revenue, $1.sent, $1.flow) }) {
            lines.append(
                "  " + cell(line.flow, 28) + number(line.runs, 6) + number(line.sent, 6) + number(line.blocked, 6) + number(line.opened, 8)
                    + number(line.clicked, 9) + number(line.orders, 8) + String(format: "%10.2f", line.revenue))
        }
        let orders = report.flows.map(\.orders).reduce(0, +)
        let revenue = report.flows.map(\.revenue).reduce(0, +)
        lines.append("  attributed: \(orders) orders, \(String(format: "%.2f", revenue)) EUR (an order within 5 days of a click or 24 h of an open)")
        var reasons: [String: Int] = [:]
        for line in report.flows { for (reason, count) in line.blockedByReason { reasons[reason, default: 0] += count } }
        if !reasons.isEmpty { lines.append("  held back or stopped by: " + format(reasons)) }
        var exits: [String: Int] = [:]
        for line in report.flows { for (reason, count) in line.exitedByReason { exits[reason, default: 0] += count } }
        if !exits.isEmpty { lines.append("  runs ended early by: " + format(exits)) }
        lines.append("  see every message: swift run autopilot messages --database PATH; per step: swift run autopilot flows stats --database PATH")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

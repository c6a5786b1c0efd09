import ArgumentParser
import AutopilotCore
import Content
import DemoShop
import Engine
import Foundation
import Scoring
import Storage

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "See Autopilot at work: generate a realistic shop, live 30 days of follow-ups and read the letter — zero configuration.")

    @Option(help: "SQLite file to create (default: a new temporary folder).") var database: String?
    @Option(help: "Number of customers to generate.") var contacts = 2_000
    @Option(help: "Seed of the generator (same seed, same shop).") var seed: UInt64 = 42
    @Option(help: "Days at the end of the shop's history lived through the flows (0 to skip).") var flowDays = 30
    @Option(help: "Language of the letter: fr or en (default: from LC_ALL, LC_MESSAGES or LANG; French when it starts with \"fr\").")
    var language: String?
    @Flag(help: "Exit after the report.") var noServe = false
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        guard contacts >= 1, contacts <= 10_000_000 else { throw ValidationError("--contacts: between 1 and 10,000,000") }
        guard (0...365).contains(flowDays) else { throw ValidationError("--flow-days: between 0 and 365") }
        let environment = ProcessInfo.processInfo.environment
        let letterLanguage = try language.map {
            guard let chosen = ContentLanguage(rawValue: $0.lowercased()) else { throw ValidationError("--language: fr or en") }
            return chosen
        } ?? ContentLanguage(environment: environment)
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
        // The engine's log lines would break the progress line and the letter: they go to a file beside the database.
        let logFile = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("log").path
        if (environment["AUTOPILOT_LOG_FILE"] ?? "").isEmpty { setenv("AUTOPILOT_LOG_FILE", logFile, 1) }
        let today = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 12 * 3600)
        let shop = DemoShopConfiguration(seed: seed, contacts: contacts, now: today)
        let progress = DemoProgress(enabled: isatty(STDERR_FILENO) == 1 && !json, french: letterLanguage == .french, flowDays: flowDays)
        if !json {
            print(
                letterLanguage == .french
                    ? "Démo Autopilot — une boutique de \(contacts) clients est générée dans \(path)"
                    : "Autopilot demo — generating a shop with \(contacts) customers into \(path)")
        }
        let start = shop.now.addingTimeInterval(-Double(flowDays) * 86_400)
        let flowDays = flowDays
        let seed = seed
        // The import and the simulation do one thing at a time: SQLite works on their own thread, without a hop per call
        // (the dashboard served afterwards opens the file again, the usual way).
        let report = try await CommandLineSetup.withMigratedStore(.sqlite(path: path), sqliteAccess: .callersThread) { store, dependencies in
            var demoDependencies = dependencies
            demoDependencies.clock = ManualClock(today)
            demoDependencies.ids = SeededIDGenerator(seed: seed)
            let runner = DemoRunner(
                dependencies: demoDependencies, configuration: shop, flowDays: flowDays,
                language: letterLanguage == .french ? .french : .english)
            return try await runner.run(
                progress: { progress.ingested($0) }, flowProgress: { progress.day(Int($0.timeIntervalSince(start) / 86_400)) })
        }
        progress.clear()
        if json {
            try JSONOutput.print(report)
        } else {
            print("")
            print(DemoLetter(report, databasePath: path).text(in: letterLanguage), terminator: "")
            print((letterLanguage == .french ? "  journal du moteur : " : "  engine log: ") + (environment["AUTOPILOT_LOG_FILE"] ?? logFile))
        }
        // In a terminal, the dashboard on the demo shop until Ctrl-C; piped or with --no-serve, the demo ends here.
        guard !noServe, !json, isatty(STDOUT_FILENO) == 1 else { return }
        try await DemoServer.serve(databasePath: path, language: letterLanguage)
    }
}

/// The demo's progress line on standard error, redrawn in place — only on a terminal.
struct DemoProgress: Sendable {
    let enabled: Bool
    let french: Bool
    let flowDays: Int

    func ingested(_ count: Int) {
        draw(french ? "  \(count) événements importés…" : "  \(count) events ingested…")
    }

    func day(_ day: Int) {
        draw(french ? "  flows : jour \(day) sur \(flowDays)…" : "  flows: day \(day) of \(flowDays)…")
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 60) + "\r").utf8))
    }

    private func draw(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + text.padding(toLength: 60, withPad: " ", startingAt: 0)).utf8))
    }
}

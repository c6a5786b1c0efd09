import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run flows on a virtual clock: ingest events at their times, fire timers in order, dispatch through the log sender.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "NDJSON file of events, ingested when the clock reaches each event's occurred_at.") var events: String?
    @Option(help: "Run until this moment (ISO 8601, e.g. 2026-12-31T00:00:00Z).") var until: String
    @Option(help: "Start the clock here (default: the first event's time, else now).") var from: String?
    @Option(help: "Tenant id or name (default: the only tenant; one named \"simulation\" is created in an empty database).") var tenant: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        guard let end = Timestamp.parse(until) else { throw ValidationError("--until: \"\(until)\" is not an ISO 8601 time") }
        let lines = try events.map(Self.readEvents) ?? []
        var start = Date()
        if let from {
            guard let date = Timestamp.parse(from) else { throw ValidationError("--from: \"\(from)\" is not an ISO 8601 time") }
            start = date
        } else if let first = lines.compactMap({ $0["occurred_at"]?.stringValue.flatMap(Timestamp.parse) }).min() {
            start = first
        }
        let begin = start
        guard start <= end else { throw ValidationError("--until: \(until) is before the start of the simulation (\(Timestamp.format(start)))") }
        // A simulation does one thing at a time: an SQLite file's statements run on its own thread (`SQLiteDatabase.Access`).
        let report = try await CommandLineSetup.withMigratedStore(database.configuration, sqliteAccess: .callersThread) { store, base in
            let clock = ManualClock(begin)
            let dependencies = Dependencies(store: store, clock: clock, logger: base.logger)
            let tenantID: String
            if try await store.tenants().isEmpty && tenant == nil {
                tenantID = try await TenantService(dependencies: dependencies).create(name: "simulation").tenantID
            } else {
                tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
            }
            let simulator = FlowSimulator(worker: try Worker(dependencies: dependencies), clock: clock)
            return try await simulator.run(events: lines, tenantID: tenantID, until: end)
        }
        if json {
            try JSONOutput.print(report)
        } else {
            print("Simulated \(Timestamp.format(report.start)) → \(Timestamp.format(report.end)) in \(report.steps) steps")
            print(
                "  events ingested \(report.eventsIngested), carts abandoned \(report.cartsAbandoned), timers fired \(report.timersFired), messages dispatched \(report.messagesDispatched)"
            )
            if report.eventsSkipped > 0 { print("  \(report.eventsSkipped) lines without a valid occurred_at were left out") }
            print("See what was sent: autopilot messages --database \(database.database ?? "…") --json")
        }
    }

    static func readEvents(_ path: String) throws -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--events: cannot read \(path)") }
        var events: [JSONValue] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            do {
                events.append(try JSONParser.parse(Array(text.utf8)))
            } catch {
                throw ValidationError("--events: line \(number + 1): \(error)")
            }
        }
        return events
    }
}

struct MessagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "messages", abstract: "List the messages flows queued, sent, blocked or skipped.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this contact's messages (email).") var contact: String?
    @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
    @Flag(help: "Print a JSON array.") var json = false

    func run() async throws {
        let messages = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
            let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
            return try await FlowQueries(store: store).messages(tenantID: tenantID, contactEmail: contact)
        }
        if json {
            try JSONOutput.print(messages)
            return
        }
        for message in messages {
            let when = message.sentAt ?? message.scheduledAt
            let reason = message.blockedReason.map { " (\($0))" } ?? ""
            print(
                "\(when)  \(message.status.padding(toLength: 8, withPad: " ", startingAt: 0)) \(message.channel.padding(toLength: 9, withPad: " ", startingAt: 0)) \(message.contact)  \(message.flow ?? "-") \(message.template)\(reason)"
            )
        }
        print("\(messages.count) messages")
    }
}

import ArgumentParser
import DemoShop
import Engine
import Foundation
import Storage

extension BenchCommand {
    struct SegmentsBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "segments",
            abstract: "Segments kept current: N contacts, 3 segments filled, then orders ingested alone and with the segments kept current.")

        @Option(help: "Contacts.") var contacts = 1_000_000
        @Option(help: "Orders per measurement.") var events = 20_000
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard contacts >= 1_000, events >= 1_000 else { throw ValidationError("--contacts and --events: at least 1000") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("segments.sqlite").path))
            try await store.migrate(now: Date())
            let quiet = json
            var result = try await SegmentBenchmark(contacts: contacts, events: events, store: store) { line in if !quiet { print(line) } }.run()
            result.peakRSSMB = ProcessMemory.peakResidentMB()
            if json { return try JSONOutput.print(result, pretty: false) }
            print(String(format: "raw inserts (baseline): %.0f rows/s; contacts set up at %.0f/s", result.rawInsertsPerSecond, result.setupContactsPerSecond))
            print(String(format: "fill: %.0f contact×segment evaluations/s", result.fillContactsPerSecond))
            print(String(format: "orders ingested alone: %.0f/s", result.ingestOnlyEventsPerSecond))
            print(
                String(
                    format: "orders ingested with segments kept current: %.0f/s (the refresh alone: %.0f updates/s, %d announcements)",
                    result.ingestWithSegmentsEventsPerSecond, result.segmentUpdatesPerSecond, result.announcements))
            print("members: " + result.members.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print(String(format: "peak RSS %.0f MB", result.peakRSSMB))
        }
    }

    struct BroadcastsBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "broadcasts", abstract: "A broadcast to N contacts: queued, then dispatched through smart sending; beside raw inserts.")

        @Option(help: "Contacts in the segment.") var contacts = 100_000
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard contacts >= 1_000 else { throw ValidationError("--contacts: at least 1000") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("broadcasts.sqlite").path))
            try await store.migrate(now: Date())
            let quiet = json
            var result = try await BroadcastBenchmark(contacts: contacts, store: store) { line in if !quiet { print(line) } }.run()
            result.peakRSSMB = ProcessMemory.peakResidentMB()
            if json { return try JSONOutput.print(result, pretty: false) }
            print(String(format: "raw inserts (baseline): %.0f rows/s", result.rawInsertsPerSecond))
            print(String(format: "queued: %.0f messages/s", result.queuePerSecond))
            print(String(format: "dispatched: %d messages, %.0f/s (%d sent, %d held)", result.dispatched, result.dispatchPerSecond, result.sent, result.held))
            print(String(format: "peak RSS %.0f MB", result.peakRSSMB))
        }
    }
}

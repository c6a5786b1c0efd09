import AutopilotCore
import DemoShop
import Engine
import Foundation
import Storage
import Testing

@Suite("Demo — 30 days of flows")
struct DemoFlowsTests {
    static func run(contacts: Int, days: Int, path: String = ":memory:", access: SQLiteDatabase.Access = .queued) async throws -> DemoReport {
        let store = SQLStore(database: try SQLiteDatabase(path: path, access: access))
        try await store.migrate(now: Fixtures.now)
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 4))
        let shop = DemoShopConfiguration(seed: 9, contacts: contacts, now: Fixtures.now)
        return try await DemoRunner(dependencies: dependencies, configuration: shop, flowDays: days).run()
    }

    @Test func theBuiltInFlowsRunOnTheShopsLastThirtyDays() async throws {
        let report = try await Self.run(contacts: 120, days: 30)
        #expect(report.flowDays == 30)
        let byFlow = Dictionary(uniqueKeysWithValues: report.flows.map { ($0.flow, $0) })
        let confirmations = try #require(byFlow["order-confirmation-sms"])
        #expect(confirmations.runs > 0)
        #expect(confirmations.sent > 0)
        #expect(confirmations.sent + confirmations.blocked >= confirmations.runs, "every run sends or is held with a reason: \(confirmations)")
        #expect(confirmations.orders == 0, "transactional messages get no answers in the demo")
        #expect(report.flows.map(\.sent).reduce(0, +) > confirmations.sent, "marketing flows sent too")
        #expect(report.flows.allSatisfy { $0.blocked == $0.blockedByReason.values.reduce(0, +) })
        #expect(report.flows.allSatisfy { $0.clicked <= $0.sent && $0.orders <= $0.clicked + $0.opened })
    }

    @Test func theSameSeedLivesTheSameDays() async throws {
        let first = try await Self.run(contacts: 60, days: 7)
        let second = try await Self.run(contacts: 60, days: 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(!first.flows.isEmpty)
        #expect(try encoder.encode(first.flows) == encoder.encode(second.flows))
    }

    /// The demo's way of opening its file (statements on the caller's thread) lives the same days as the usual one.
    @Test func sqliteOnTheCallersThreadLivesTheSameDays() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-demo-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let queued = try await Self.run(contacts: 60, days: 7, path: directory.appendingPathComponent("queued.sqlite").path)
        let inline = try await Self.run(
            contacts: 60, days: 7, path: directory.appendingPathComponent("inline.sqlite").path, access: .callersThread)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(!inline.flows.isEmpty)
        #expect(inline.flowPasses == queued.flowPasses)
        #expect(try encoder.encode(inline.flows) == encoder.encode(queued.flows))
        #expect(try encoder.encode(inline.insights) == encoder.encode(queued.insights))
    }
}

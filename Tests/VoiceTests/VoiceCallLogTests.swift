import AutopilotCore
import Engine
import Foundation
import Logging
import Storage
import Testing
import Voice

/// `voice_calls` (migration 31) on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite("Voice call log — SQLite and PostgreSQL")
struct VoiceCallLogTests {
    static let postgresURL = ProcessInfo.processInfo.environment["AUTOPILOT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static func exercise(_ store: SQLStore) async throws {
        let shop = try await VoiceShop.seed(store)
        let log = shop.log
        let start = VoiceShop.now
        var call = VoiceCallRecord(
            tenantID: shop.tenantA, callID: "CA1", phone: VoiceShop.amina, direction: .inbound, provider: "xai", language: .french, status: .inProgress,
            startedAt: start)
        try await log.save(call)
        call.status = .completed
        call.durationSeconds = 125
        call.costUSD = 0.1041
        call.transcript = [TranscriptLine(speaker: .caller, text: "Où est « ma » commande ?"), TranscriptLine(speaker: .agent, text: "Expédiée.")]
        call.summary = "Appel de 2 min 5 s"
        call.endedAt = start.addingTimeInterval(125)
        try await log.save(call)
        let read = try #require(try await log.call("CA1", tenantID: shop.tenantA))
        #expect(read == call)
        #expect(try await log.call("CA1", tenantID: shop.tenantB) == nil, "tenants never meet")
        #expect(try await log.seconds(tenantID: shop.tenantA, from: start, to: start.addingTimeInterval(60)) == 125)
        #expect(try await log.seconds(tenantID: shop.tenantB, from: start, to: start.addingTimeInterval(60)) == 0)
        try await log.save(
            VoiceCallRecord(
                tenantID: shop.tenantA, callID: "out-k", phone: VoiceShop.amina, direction: .outbound, language: .french, status: .placed, startedAt: start))
        #expect(try await log.outboundStarts(tenantID: shop.tenantA, phone: VoiceShop.amina, from: start, to: start.addingTimeInterval(1)) == [start])
        // A call being placed (its intent written first) counts too; a second intent with its key is not written.
        let intent = VoiceCallRecord(
            tenantID: shop.tenantA, callID: "out-j", phone: VoiceShop.amina, direction: .outbound, language: .french, status: .inProgress,
            reason: "placing", startedAt: start)
        #expect(try await log.insertIfAbsent(intent) == intent)
        var other = intent
        other.reason = "another attempt"
        #expect(try await log.insertIfAbsent(other) == intent, "the first one stays")
        #expect(try await log.outboundStarts(tenantID: shop.tenantA, phone: VoiceShop.amina, from: start, to: start.addingTimeInterval(1)).count == 2)
        #expect(try await log.outboundStarts(tenantID: shop.tenantB, phone: VoiceShop.amina, from: start, to: start.addingTimeInterval(1)).isEmpty)
        #expect(try await log.calls(tenantID: shop.tenantA, from: start, to: start.addingTimeInterval(1)).map(\.callID).sorted() == ["CA1", "out-j", "out-k"])
    }

    @Test("A call saved twice is one row; reads are per tenant; minutes and placed calls are counted")
    func sqlite() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: VoiceShop.now)
        try await Self.exercise(store)
    }

    @Test("The same on PostgreSQL", .enabled(if: postgresURL != nil, "set AUTOPILOT_TEST_POSTGRES_URL to run it"))
    func postgres() async throws {
        let base = try #require(Self.postgresURL)
        var components = try #require(URLComponents(string: base))
        let name = "autopilot_voice_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: Logger(label: "test")) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        try await DatabaseConfiguration.postgres(url: try #require(components.string)).withStore(logger: Logger(label: "test")) { store in
            try await store.migrate(now: VoiceShop.now)
            try await Self.exercise(store)
        }
    }
}

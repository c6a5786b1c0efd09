import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// The CRM sync on PostgreSQL: the same outcome as on SQLite, and two workers sharing the queue (`FOR UPDATE SKIP LOCKED`)
/// without sending any record twice.
@Suite(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct CRMPostgresTests {
    @Test func anOutageLosesNothingAndCatchesUpOnPostgres() async throws {
        try await TestDatabases.withPostgres { store in
            let harness = try await CRMHarness.make(store: store)
            let port = try await CRMTestServer.closedPort()
            let sync = harness.sync(hubspot: "http://127.0.0.1:\(port)")
            try await harness.ingest(CRMHarness.lead("L-1", email: "lea@example.com") + [CRMHarness.order("1", email: "lea@example.com")])
            #expect(try await harness.pass(sync).outages == 1)
            #expect(try await harness.counts() == ["queued": 4])
            harness.clock.advance(by: 30)
            let hubspot = FakeHubSpot()
            let back = try await CRMTestServer.with(port: port, respond: hubspot.respond) { _ in try await harness.pass(sync) }
            #expect(back.sent == 4)
            #expect(hubspot.snapshot.deals.count == 2 && hubspot.snapshot.associations.count == 2)
            #expect(try await harness.counts() == ["sent": 4])
        }
    }

    @Test func twoWorkersShareTheQueueAndSendEachRecordOnce() async throws {
        try await TestDatabases.withPostgres { store in
            let harness = try await CRMHarness.make(store: store)
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                try await harness.ingest((1...250).map { CRMHarness.order("\($0)", email: "buyer\($0)@example.com") })
                let first = harness.sync(hubspot: base)
                let second = harness.sync(hubspot: base)
                for _ in 0..<5 {
                    async let a = harness.pass(first)
                    async let b = harness.pass(second)
                    _ = try await (a, b)
                    harness.clock.advance(by: 150)
                }
            }
            #expect(try await harness.counts() == ["sent": 500])
            var sends: [String: Int] = [:]
            for request in hubspot.snapshot.requests where request.path != HubSpotFormat.dealContactAssociationPath {
                for input in request.body?["inputs"]?.arrayValue ?? [] { sends[input["id"]?.stringValue ?? "", default: 0] += 1 }
            }
            #expect(sends.count == 500 && sends.values.allSatisfy { $0 == 1 })
        }
    }
}

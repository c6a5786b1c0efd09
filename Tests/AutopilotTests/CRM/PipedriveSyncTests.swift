import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// The CRM sync against a Pipedrive stand-in: persons found by email or created, deals created for them, with the same
/// discipline (retries, outage, no duplicates).
@Suite("Pipedrive sync")
struct PipedriveSyncTests {
    @Test func aQualifiedLeadAndAnOrderBecomeOnePersonAndTwoDeals() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let pipedrive = FakePipedrive()
            try await CRMTestServer.with(respond: pipedrive.respond) { base in
                let sync = harness.sync(pipedrive: base + "/v1")
                try await harness.ingest(CRMHarness.lead("L-3", email: "julien@atelier.example"))
                #expect(try await harness.pass(sync).sent == 2)
                try await harness.ingest([CRMHarness.order("42", email: "julien@atelier.example", total: 120)])
                #expect(try await harness.pass(sync).sent == 2)
            }
            let qualified = try await TenantQueries(dependencies: harness.dependencies, tenantID: harness.tenantID).events(
                EventQuery(type: .leadQualified)
            ).events
            let score = try #require(qualified.first?.properties["score"])
            let state = pipedrive.snapshot
            #expect(state.persons.count == 1 && state.deals.count == 2)
            let (personID, person) = try #require(state.persons.first)
            #expect(person["name"] == "Julien Marchand" && person["score_key"] == score && person["tier_key"] == qualified.first?.properties["tier"])
            let deals = state.deals.sorted { $0.key < $1.key }.map(\.value)
            #expect(deals[0]["title"] == "Lead: Atelier B2B" && deals[0]["status"] == "open" && deals[0]["deal_score_key"] == score)
            #expect(
                deals[1]["title"] == "Order 42" && deals[1]["status"] == "won" && deals[1]["value"]?.doubleValue == 120
                    && deals[1]["currency"] == "EUR")
            #expect(deals.allSatisfy { $0["person_id"] == .int(Int64(personID)) })
            // The second contact update used the id learned the first time: one search in all.
            #expect(state.requests.filter { $0.path.hasSuffix("/persons/search") }.count == 1)
            #expect(state.requests.contains { $0.method == "PUT" && $0.path == "/v1/persons/\(personID)" })
            #expect(state.requests.allSatisfy { $0.apiToken == "pd-test" })
        }
    }

    @Test func anExistingPersonIsFoundByEmailAndUpdated() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let pipedrive = FakePipedrive()
            try await CRMTestServer.with(respond: pipedrive.respond) { base in
                _ = pipedrive.respond(
                    CRMTestRequest(
                        method: "POST", path: "/v1/persons", query: [:], authorization: nil, apiToken: "pd-test",
                        body: ["name": "Already There", "email": [["value": "known@example.com", "primary": true]]]))
                _ = pipedrive.respond(
                    CRMTestRequest(
                        method: "POST", path: "/v1/persons", query: [:], authorization: nil, apiToken: "pd-test",
                        body: ["name": "Plus Sign", "email": [["value": "ana+shop@example.com", "primary": true]]]))
                try await harness.ingest([CRMHarness.order("1", email: "known@example.com"), CRMHarness.order("2", email: "ana+shop@example.com")])
                try await harness.pass(harness.sync(pipedrive: base + "/v1"))
            }
            let state = pipedrive.snapshot
            #expect(state.persons.count == 2 && state.deals.count == 2)
            #expect(Set(state.deals.values.compactMap { $0["person_id"]?.intValue }) == Set(state.persons.keys.map(Int64.init)))
        }
    }

    @Test func anOutageWaitsAndAnErrorRetriesWithoutDuplicates() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let port = try await CRMTestServer.closedPort()
            let sync = harness.sync(pipedrive: "http://127.0.0.1:\(port)/v1")
            try await harness.ingest((1...3).map { CRMHarness.order("\($0)", email: "p\($0)@example.com") })
            #expect(try await harness.pass(sync).outages == 1)
            #expect(try await harness.counts(.pipedrive) == ["queued": 6])
            harness.clock.advance(by: 30)
            let pipedrive = FakePipedrive { index, _ in index == 1 ? FakePipedrive.error(500, "Internal server error") : nil }
            try await CRMTestServer.with(port: port, respond: pipedrive.respond) { _ in
                let back = try await harness.pass(sync)
                #expect(back.sent == 4 && back.refused == 1 && back.deferred == 1)
                harness.clock.advance(by: 2)
                #expect(try await harness.pass(sync).sent == 2)
                harness.clock.advance(by: 60)
                #expect(try await harness.pass(sync).requests == 0)
            }
            let state = pipedrive.snapshot
            #expect(state.persons.count == 3 && state.deals.count == 3)
            #expect(try await harness.counts(.pipedrive) == ["sent": 6])
        }
    }
}

extension PipedriveSyncTests {
    @Test func aPersonAndADealDeletedInPipedriveAreCreatedAgain() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let pipedrive = FakePipedrive()
            try await CRMTestServer.with(respond: pipedrive.respond) { base in
                let sync = harness.sync(pipedrive: base + "/v1")
                try await harness.ingest([CRMHarness.order("1", email: "gone@example.com")])
                try await harness.pass(sync)
                pipedrive.deleteEverything()
                // The same order again under another key: the same deal key, so an update, of records Pipedrive no longer has.
                var again = CRMHarness.order("1", email: "gone@example.com")
                if case .object(var object) = again {
                    object["idempotency_key"] = "order-1-again"
                    again = .object(object)
                }
                try await harness.ingest([again])
                #expect(try await harness.pass(sync).sent == 2)
            }
            let state = pipedrive.snapshot
            #expect(state.persons.count == 1 && state.deals.count == 1)
            #expect(state.deals.values.first?["person_id"] == .int(Int64(state.persons.keys.first ?? 0)))
        }
    }
}

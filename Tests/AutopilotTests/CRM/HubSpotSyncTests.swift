import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// The CRM sync against a HubSpot stand-in speaking the documented batch APIs, on a real SQLite file.
@Suite("HubSpot sync")
struct HubSpotSyncTests {
    @Test func aQualifiedLeadBecomesAContactAndADealWithItsScoreAndTier() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                try await harness.ingest(CRMHarness.lead("L-1", email: "Julien@Atelier-B2B.example"))
                let report = try await harness.pass(harness.sync(hubspot: base))
                #expect(report.sent == 2 && report.requests == 3)
            }
            let qualified = try await TenantQueries(dependencies: harness.dependencies, tenantID: harness.tenantID).events(
                EventQuery(type: .leadQualified)
            ).events
            let score = try #require(qualified.first?.properties["score"]?.intValue)
            let tier = try #require(qualified.first?.properties["tier"]?.stringValue)
            let state = hubspot.snapshot
            let contact = try #require(state.contacts["julien@atelier-b2b.example"])
            #expect(contact.properties["firstname"] == "Julien" && contact.properties["lastname"] == "Marchand")
            #expect(contact.properties["company"] == "Atelier B2B")
            #expect(contact.properties["autopilot_lead_score"] == String(score) && contact.properties["autopilot_lead_tier"] == tier)
            let deal = try #require(state.deals["lead:L-1"])
            #expect(deal.properties["dealstage"] == "appointmentscheduled" && deal.properties["pipeline"] == "default")
            #expect(deal.properties["autopilot_lead_score"] == String(score) && deal.properties["autopilot_lead_tier"] == tier)
            #expect(deal.properties["dealname"] == "Lead: Atelier B2B")
            #expect(state.associations == ["\(deal.id)->\(contact.id)"])
            #expect(state.requests.allSatisfy { $0.authorization == "Bearer pat-test" })
            #expect(try await harness.counts() == ["sent": 2])
        }
    }

    @Test func aPlacedOrderBecomesAWonDeal() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                try await harness.ingest([CRMHarness.order("1001", email: "a@example.com", total: 48.5)])
                try await harness.pass(harness.sync(hubspot: base))
            }
            let deal = try #require(hubspot.snapshot.deals["order:1001"])
            #expect(deal.properties["dealstage"] == "closedwon" && deal.properties["amount"] == "48.50")
            #expect(deal.properties["deal_currency_code"] == "EUR" && deal.properties["closedate"] == "2026-03-01T10:00:00Z")
            #expect(deal.properties["dealname"] == "Order 1001")
        }
    }

    @Test func requalifyingALeadUpdatesItsOneDealWithTheLatestScore() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                // A lead without an id, then two outside qualifications, the later one first in the request.
                try await harness.ingest([
                    Fixtures.envelope(
                        "lead.created", at: "2026-03-01T09:00:00Z", key: "l", contact: ["email": "c@example.com"], properties: ["message": "hello"]),
                    Fixtures.envelope(
                        "lead.qualified", at: "2026-03-03T10:00:00Z", key: "q2", contact: ["email": "c@example.com"],
                        properties: ["score": 85, "tier": "hot"]),
                    Fixtures.envelope(
                        "lead.qualified", at: "2026-03-02T10:00:00Z", key: "q1", contact: ["email": "c@example.com"],
                        properties: ["score": 40, "tier": "cool"]),
                ])
                try await harness.pass(harness.sync(hubspot: base))
            }
            let state = hubspot.snapshot
            #expect(state.deals.count == 1 && state.contacts.count == 1)
            let deal = try #require(state.deals.values.first)
            #expect(deal.properties["autopilot_deal_key"]?.hasPrefix("contact:") == true)
            #expect(deal.properties["autopilot_lead_score"] == "85" && deal.properties["autopilot_lead_tier"] == "hot")
            #expect(state.contacts["c@example.com"]?.properties["autopilot_lead_score"] == "85")
            #expect(try await harness.counts() == ["sent": 6])
        }
    }

    @Test func recordsTravelInBatchesOfAtMostOneHundred() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                try await harness.ingest((1...250).map { CRMHarness.order("\($0)", email: "buyer\($0)@example.com") })
                let report = try await harness.pass(harness.sync(hubspot: base))
                #expect(report.sent == 500)
            }
            let state = hubspot.snapshot
            let sizes = { (path: String) in state.requests.filter { $0.path == path }.map { $0.body?["inputs"]?.arrayValue?.count ?? 0 } }
            #expect(sizes(HubSpotFormat.contactsUpsertPath) == [100, 100, 50])
            #expect(sizes(HubSpotFormat.dealsUpsertPath) == [100, 100, 50])
            #expect(sizes(HubSpotFormat.dealContactAssociationPath) == [100, 100, 50])
            #expect(state.contacts.count == 250 && state.deals.count == 250 && state.associations.count == 250)
        }
    }

    @Test func requestsArePacedByTheTokenBucket() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                let sync = harness.sync(hubspot: base) { settings in
                    settings.burst = 2
                    settings.refill = 1
                    settings.refillInterval = 1
                    settings.batchSize = 10
                }
                try await harness.ingest((1...30).map { CRMHarness.order("\($0)", email: "b\($0)@example.com") })
                let report = try await harness.pass(sync)
                #expect(report.sent == 60 && report.requests == 9)
            }
            // A burst of 2, then one request a second: the 7 others waited 1 s each (on the manual clock).
            #expect(abs(harness.clock.now().timeIntervalSince(CRMHarness.start) - 7) < 0.001)
        }
    }

    @Test func aRateLimitAnswerIsHonouredWithoutSpendingAttempts() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot { index, _ in
                index == 0
                    ? CRMTestResponse(
                        status: 429, headers: ["Retry-After": "7"],
                        body: ["status": "error", "message": "You have reached your ten_secondly_rolling limit."]) : nil
            }
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                let sync = harness.sync(hubspot: base)
                try await harness.ingest([CRMHarness.order("1", email: "a@example.com")])
                let first = try await harness.pass(sync)
                #expect(first.sent == 0 && first.outages == 1)
                let health = try await CRMHealth.report(store: harness.store, settings: sync.settings, now: harness.clock.now())
                #expect(health.first?.status == .paused && health.first?.queued == 2)
                #expect(health.first?.pausedUntil == CRMHarness.start.addingTimeInterval(7))

                harness.clock.advance(by: 5)
                #expect(try await harness.pass(sync).requests == 0)
                harness.clock.advance(by: 2)
                #expect(try await harness.pass(sync).sent == 2)
            }
            let rows = try await harness.store.crmRecords(crm: "hubspot", kind: "contact", tenantID: harness.tenantID, keys: ["a@example.com"])
            #expect(rows.map(\.attempts) == [1])
            #expect(hubspot.snapshot.requests.count == 4)
        }
    }

    @Test func aServerErrorIsRetriedWithBackoff() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot { index, _ in index == 0 ? CRMTestResponse(status: 500, body: ["status": "error", "message": "internal"]) : nil
            }
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                let sync = harness.sync(hubspot: base)
                try await harness.ingest([CRMHarness.order("1", email: "a@example.com")])
                let first = try await harness.pass(sync)
                #expect(first.refused == 1 && first.sent == 0)
                let row = try #require(
                    try await harness.store.crmRecords(crm: "hubspot", kind: "contact", tenantID: harness.tenantID, keys: ["a@example.com"]).first)
                #expect(row.status == .queued && row.attempts == 1 && row.lastError?.contains("500") == true)
                #expect(row.nextAttemptAt == harness.clock.now().addingTimeInterval(1))

                harness.clock.advance(by: 1)
                #expect(try await harness.pass(sync).sent == 2)
            }
            #expect(try await harness.counts() == ["sent": 2])
        }
    }

    @Test func aRecordTheCRMKeepsRefusingFailsAfterFiveAttemptsAndCanBeRetried() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot { index, request in
                index < 5 && request.path == HubSpotFormat.contactsUpsertPath
                    ? CRMTestResponse(status: 400, body: ["status": "error", "message": "Property values were not valid"]) : nil
            }
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                let sync = harness.sync(hubspot: base)
                try await harness.ingest([CRMHarness.order("1", email: "a@example.com")])
                var waits: [TimeInterval] = []
                for _ in 1...5 {
                    let before = harness.clock.now()
                    try await harness.pass(sync)
                    let row = try await harness.store.crmRecords(crm: "hubspot", kind: "contact", tenantID: harness.tenantID, keys: ["a@example.com"])
                    if let next = row.first?.nextAttemptAt {
                        waits.append(next.timeIntervalSince(before))
                        harness.clock.set(next)
                    }
                }
                #expect(waits == [1, 2, 4, 8])
                #expect(try await harness.counts() == ["failed": 1, "queued": 1])
                let failed = try await harness.store.crmRecords(crm: "hubspot", kind: "contact", tenantID: harness.tenantID, keys: ["a@example.com"])
                #expect(failed.first?.attempts == 5 && failed.first?.lastError?.contains("Property values were not valid") == true)

                // The deal waits for its contact, then gives up too once the contact failed.
                harness.clock.advance(by: 60)
                try await harness.pass(sync)
                #expect(try await sync.retryFailed(crm: .hubspot, now: harness.clock.now()) >= 1)
                for _ in 0..<3 {
                    try await harness.pass(sync)
                    harness.clock.advance(by: 60)
                }
                #expect(try await harness.counts() == ["sent": 2])
            }
        }
    }

    @Test func anOutageLosesNothingAndCatchesUpExactlyOnce() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let port = try await CRMTestServer.closedPort()
            let base = "http://127.0.0.1:\(port)"
            let sync = harness.sync(hubspot: base)
            try await harness.ingest(CRMHarness.lead("L-9", email: "lea@example.com") + [CRMHarness.order("77", email: "lea@example.com")])
            for _ in 0..<3 {
                let report = try await harness.pass(sync)
                #expect(report.sent == 0)
                harness.clock.advance(by: 40)
            }
            #expect(try await harness.counts() == ["queued": 4])
            let down = try await CRMHealth.report(store: harness.store, settings: sync.settings, now: harness.clock.now())
            #expect(down.first?.lastError?.contains("no answer") == true)
            let rows = try await harness.store.crmRecords(crm: "hubspot", kind: "contact", tenantID: harness.tenantID, keys: ["lea@example.com"])
            #expect(rows.allSatisfy { $0.attempts == 0 })

            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(port: port, respond: hubspot.respond) { _ in
                let back = try await harness.pass(sync)
                #expect(back.sent == 4)
                harness.clock.advance(by: 60)
                #expect(try await harness.pass(sync).requests == 0)
            }
            let state = hubspot.snapshot
            #expect(state.contacts.count == 1 && state.deals.count == 2 && state.associations.count == 2)
            #expect(state.requests.filter { $0.path == HubSpotFormat.contactsUpsertPath }.count == 1)
            let up = try await CRMHealth.report(store: harness.store, settings: sync.settings, now: harness.clock.now())
            #expect(up.first?.status == .ok && up.first?.sent == 4 && up.first?.lastSuccessAt != nil)
            let integration = try #require(try await harness.store.integrationHealth().first { $0.name == "hubspot" })
            #expect(
                integration.kind == .crm && integration.failures == 3 && integration.successes == 2
                    && integration.lastError?.contains("no answer") == true)
        }
    }

    @Test func recordsAWorkerDiedWithComeBackWhenTheirLeaseEnds() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                let sync = harness.sync(hubspot: base)
                try await harness.ingest([CRMHarness.order("1", email: "a@example.com")])
                let now = harness.clock.now()
                _ = try await harness.store.enqueueCRMRecords(tenantID: harness.tenantID, crm: "hubspot", limit: 500) { batch in
                    CRMPlanner(crm: .hubspot, now: now).records(batch)
                }
                // Another worker claims the contact and dies before answering.
                let claimed = try await harness.store.claimDueCRMRecords(crm: "hubspot", kind: "contact", now: now, limit: 100, lease: 120)
                #expect(claimed.count == 1)
                let meanwhile = try await harness.pass(sync)
                #expect(meanwhile.requests == 0 && meanwhile.deferred == 1)
                harness.clock.advance(by: 120)
                #expect(try await harness.pass(sync).sent == 2)
            }
            #expect(try await harness.counts() == ["sent": 2])
        }
    }

    @Test func replayedEventsSendNothingTwice() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                let sync = harness.sync(hubspot: base)
                let events = CRMHarness.lead("L-2", email: "b@example.com") + [CRMHarness.order("5", email: "b@example.com")]
                try await harness.ingest(events)
                try await harness.pass(sync)
                let requests = hubspot.snapshot.requests.count
                // The same events again (deduplicated at ingest), then the whole log read again from the start.
                try await harness.ingest(events)
                try await harness.store.database.executeScript(["UPDATE flow_cursors SET position = 0 WHERE name = 'crm:hubspot'"])
                let again = try await harness.pass(sync)
                #expect(again.eventsRead == 2 && again.requests == 0)
                #expect(hubspot.snapshot.requests.count == requests)
            }
            #expect(try await harness.counts() == ["sent": 4])
        }
    }
}

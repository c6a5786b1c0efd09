import AutopilotCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — manual starts, approvals and tasks")
struct FlowRunAPITests {
    static let vipFlow = """
        id: vip-call
        name: VIP call
        version: 1
        trigger: manual
        reentry: once
        steps:
          - approve: "Offer {{contact.first_name}} a VIP call?"
          - task: { title: "Call {{contact.first_name}}", assignee: sales }
        """

    static func prepare(_ harness: APITestHarness) async throws -> String {
        let tenants = try await harness.store.tenants()
        let tenantID = try #require(tenants.first { $0.name == "First shop" }?.id)
        try await harness.store.saveFlowVersion(
            FlowVersionRecord(tenantID: tenantID, flowID: "vip-call", version: 1, source: vipFlow, createdAt: Fixtures.now), enabled: true)
        return tenantID
    }

    static func contact(_ client: some TestClientProtocol, key: String) async throws {
        let event = Fixtures.envelope(
            "contact.created", at: "2026-03-10T09:00:00Z", key: "vip", contact: ["email": "vip@example.com"], properties: ["first_name": "Vera"])
        let response = try await client.execute(uri: "/v1/events", method: .post, headers: APITestHarness.auth(key), body: APITestHarness.body(event))
        #expect(response.status == .accepted || response.status == .ok || response.status == .created)
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, key: String, _ body: JSONValue = [:]) async throws -> (
        HTTPResponse.Status, JSONValue
    ) {
        let response = try await client.execute(uri: uri, method: .post, headers: APITestHarness.auth(key), body: APITestHarness.body(body))
        return (response.status, try APITestHarness.json(response))
    }

    @Test func aManualStartWaitsForApprovalThenCreatesTheTask() async throws {
        let harness = try await APITestHarness.make()
        let tenantID = try await Self.prepare(harness)
        try await harness.app.test(.router) { client in
            try await Self.contact(client, key: harness.firstKey)
            let key = harness.firstKey
            let (status, started) = try await Self.post(
                client, "/v1/flows/vip-call/start", key: key, ["contact": "vip@example.com", "idempotency_key": "k1"])
            #expect(status == .created)
            #expect(started["status"] == "waiting")
            #expect(started["created"] == true)
            let (again, repeated) = try await Self.post(
                client, "/v1/flows/vip-call/start", key: key, ["contact": "VIP@example.com", "idempotency_key": "k1"])
            #expect(again == .ok)
            #expect(repeated["created"] == false)
            #expect(repeated["run_id"] == started["run_id"])
            let (once, refused) = try await Self.post(
                client, "/v1/flows/vip-call/start", key: key, ["contact": "vip@example.com", "idempotency_key": "k2"])
            #expect(once == .conflict)
            #expect(refused["error"]?["code"] == "reentry_not_allowed")

            let approvals = try APITestHarness.json(try await client.execute(uri: "/v1/approvals", method: .get, headers: APITestHarness.auth(key)))
            let approval = try #require(approvals["items"]?.arrayValue?.first)
            #expect(approval["title"] == "Offer Vera a VIP call?")
            #expect(approval["contact"] == "vip@example.com")
            let foreign = try APITestHarness.json(
                try await client.execute(uri: "/v1/approvals", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(foreign["items"]?.arrayValue?.isEmpty == true)
            let id = try #require(approval["id"]?.stringValue)
            let (stranger, _) = try await Self.post(client, "/v1/approvals/\(id)/approve", key: harness.secondKey)
            #expect(stranger == .notFound)

            let (decided, view) = try await Self.post(client, "/v1/approvals/\(id)/approve", key: key, ["by": "lea@shop.example"])
            #expect(decided == .ok)
            #expect(view["decision"] == "approved")
            #expect(view["decided_by"] == "lea@shop.example")
            let (twice, conflict) = try await Self.post(client, "/v1/approvals/\(id)/reject", key: key)
            #expect(twice == .conflict)
            #expect(conflict["error"]?["code"] == "already_decided")

            let tasks = try APITestHarness.json(try await client.execute(uri: "/v1/tasks", method: .get, headers: APITestHarness.auth(key)))
            let task = try #require(tasks["items"]?.arrayValue?.first)
            #expect(task["title"] == "Call Vera")
            #expect(task["assignee"] == "sales")
            let recommendations = try APITestHarness.json(
                try await client.execute(uri: "/v1/recommendations", method: .get, headers: APITestHarness.auth(key)))
            #expect(recommendations["tasks"]?.arrayValue?.first?["id"] == task["id"])
            let taskID = try #require(task["id"]?.stringValue)
            let (done, closed) = try await Self.post(
                client, "/v1/tasks/\(taskID)/complete", key: key, ["by": "sam", "note": "Called, will order Friday"])
            #expect(done == .ok)
            #expect(closed["status"] == "done")
            let after = try APITestHarness.json(try await client.execute(uri: "/v1/tasks", method: .get, headers: APITestHarness.auth(key)))
            #expect(after["items"]?.arrayValue?.isEmpty == true)
            let run = try await harness.store.flowRun(id: try #require(started["run_id"]?.stringValue), tenantID: tenantID)
            #expect(run?.status == .completed)
        }
    }

    @Test func aRejectionEndsTheRunAndBadRequestsSayWhy() async throws {
        let harness = try await APITestHarness.make()
        let tenantID = try await Self.prepare(harness)
        try await harness.app.test(.router) { client in
            try await Self.contact(client, key: harness.firstKey)
            let key = harness.firstKey
            let (_, started) = try await Self.post(client, "/v1/flows/vip-call/start", key: key, ["contact": "vip@example.com"])
            let approvals = try APITestHarness.json(try await client.execute(uri: "/v1/approvals", method: .get, headers: APITestHarness.auth(key)))
            let id = try #require(approvals["items"]?.arrayValue?.first?["id"]?.stringValue)
            let (status, view) = try await Self.post(client, "/v1/approvals/\(id)/reject", key: key)
            #expect(status == .ok)
            #expect(view["decision"] == "rejected")
            let run = try await harness.store.flowRun(id: try #require(started["run_id"]?.stringValue), tenantID: tenantID)
            #expect(run?.status == .exited)
            let tasks = try APITestHarness.json(try await client.execute(uri: "/v1/tasks", method: .get, headers: APITestHarness.auth(key)))
            #expect(tasks["items"]?.arrayValue?.isEmpty == true)

            let (eventFlow, wrong) = try await Self.post(client, "/v1/flows/abandoned-cart/start", key: key, ["contact": "vip@example.com"])
            #expect(eventFlow == .conflict)
            #expect(wrong["error"]?["code"] == "flow_not_manual")
            let (unknownFlow, _) = try await Self.post(client, "/v1/flows/nope/start", key: key, ["contact": "vip@example.com"])
            #expect(unknownFlow == .notFound)
            let (noContact, missing) = try await Self.post(client, "/v1/flows/vip-call/start", key: key)
            #expect(noContact == .unprocessableContent)
            #expect(missing["error"]?["field"] == "contact")
            let (stranger, _) = try await Self.post(client, "/v1/flows/vip-call/start", key: key, ["contact": "nobody@example.com"])
            #expect(stranger == .notFound)
            let (badType, typed) = try await Self.post(client, "/v1/flows/vip-call/start", key: key, ["contact": 42])
            #expect(badType == .unprocessableContent)
            #expect(typed["error"]?["field"] == "contact")
            let malformed = try await client.execute(
                uri: "/v1/flows/vip-call/start", method: .post, headers: APITestHarness.auth(key), body: ByteBuffer(string: "{not json"))
            #expect(malformed.status == .badRequest)
        }
    }
}

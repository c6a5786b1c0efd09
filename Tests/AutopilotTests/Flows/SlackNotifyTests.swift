import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import TestSupport
import Testing

@Suite("Flow engine — Slack notifications")
struct SlackNotifyTests {
    static let flow = """
        id: tell-the-team
        name: Tell the team
        version: 1
        trigger: manual
        reentry: { at_most_every: 1d }
        steps:
          - notify: { channel: slack, message: "VIP {{contact.first_name}} needs a call" }
        """

    /// A tenant with the flow and one contact; starts a run and lets the engine carry out the notification.
    static func notify(slackURL: String, runs: Int = 1) async throws -> (SQLStore, String) {
        let now = Fixtures.date("2026-03-03T10:00:00Z")
        let shop = try await TestShop.make(at: now, seed: 2)
        let (store, dependencies, tenantID) = (shop.store, shop.dependencies, shop.tenantID)
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-03T09:00:00Z", key: "v", contact: ["email": "vip@example.com"], properties: ["first_name": "Vera"])
        ])
        try await store.saveFlowVersion(
            FlowVersionRecord(tenantID: tenantID, flowID: "tell-the-team", version: 1, source: Self.flow, createdAt: now), enabled: true)
        _ = try await FlowRunControl(dependencies: dependencies, tenantID: tenantID).start(
            flowID: "tell-the-team", contact: "vip@example.com", key: "k")
        var settings = FlowEngineSettings()
        settings.slack = try #require(SlackWebhook(url: slackURL))
        let engine = try TestWorker.make(dependencies, settings: settings)
        for minute in 0..<runs { try await engine.runDue(now: now.addingTimeInterval(Double(minute) * 120)) }
        return (store, tenantID)
    }

    @Test func postsTheRenderedMessageToTheIncomingWebhook() async throws {
        try await LoopbackServer.with(answer: { _ in (200, "ok") }) { slack in
            let (store, tenantID) = try await Self.notify(slackURL: slack.baseURL + "/services/T000/B000/XXXX")
            let request = try #require(slack.requests.first)
            #expect(slack.requests.count == 1)
            #expect(request.path == "/services/T000/B000/XXXX")
            #expect(request.contentType?.hasPrefix("application/json") == true)
            #expect(try JSONParser.parse(request.body)["text"] == "VIP Vera needs a call")
            #expect(try await store.flowActions(tenantID: tenantID, kind: "notify", status: "done", limit: 5).count == 1)
        }
    }

    @Test func aPermanentRefusalFailsAtOnceAndAnOutageIsRetried() async throws {
        try await LoopbackServer.with(answer: { _ in (404, "channel_not_found") }) { slack in
            let (store, tenantID) = try await Self.notify(slackURL: slack.baseURL + "/services/gone")
            #expect(slack.requests.count == 1)
            let failed = try #require(try await store.flowActions(tenantID: tenantID, kind: "notify", status: "failed", limit: 5).first)
            #expect(failed.lastError?.contains("channel_not_found") == true)
        }
        try await LoopbackServer.with(answer: { index in index == 0 ? (503, "unavailable") : (200, "ok") }) { slack in
            let (store, tenantID) = try await Self.notify(slackURL: slack.baseURL + "/services/flaky", runs: 2)
            #expect(slack.requests.count == 2, "retried after the 503")
            #expect(try await store.flowActions(tenantID: tenantID, kind: "notify", status: "done", limit: 5).count == 1)
        }
    }
}

import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import TestSupport
import Testing

@Suite("Team tasks — the Slack notice")
struct TaskSlackNoticeTests {
    @Test func aHandOffIsPostedToSlackByTheWorkerOnce() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await LoopbackServer.with(answer: { _ in (200, "ok") }) { slack in
            let created = try await TaskService(dependencies: shop.dependencies).handOff(
                tenantID: shop.tenantID, contact: TaskContact(name: "Camille", email: "camille@example.com"), reason: "Veut parler à quelqu'un",
                summary: "Sentiment négatif après deux réponses.", conversationID: "conv_7", createdBy: "agent", idempotencyKey: "turn-3")
            var settings = FlowEngineSettings()
            settings.slack = SlackWebhook(url: slack.baseURL + "/services/T/B/X")
            let worker = try TestWorker.make(shop.dependencies, settings: settings)
            try await worker.runDue(now: Fixtures.now)
            try await worker.runDue(now: Fixtures.now.addingTimeInterval(120))
            #expect(slack.requests.count == 1)
            let request = try #require(slack.requests.first)
            let text = try #require(try JSONParser.parse(request.body)["text"]?.stringValue)
            #expect(text.contains("Hand-off") && text.contains("Camille (camille@example.com)") && text.contains("Veut parler à quelqu'un"))
            #expect(text.contains("conv_7") && text.contains(created.task.id))
            #expect(try await shop.store.flowActions(tenantID: shop.tenantID, kind: "notify", status: "done", limit: 5).count == 1)
        }
    }
}

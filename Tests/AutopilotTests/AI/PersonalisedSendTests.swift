import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import TestSupport
import Testing

/// End to end: a churn crossing starts the at-risk flow, whose first email asks for personalisation; the model (a
/// loopback OpenAI-compatible server) rewrites it inside the guard rails, and the rewrite is what reaches the SMTP
/// server, with the writer recorded on the message.
@Suite(.enabled(if: SMTPPeer.isAvailable, "python3 cannot import aiosmtpd"))
struct PersonalisedSendTests {
    static let now = Fixtures.date("2026-03-10T10:00:00Z")
    static let opening = "Un mot pour vous, Marc."

    /// The model keeps the message and opens it with a personal sentence (no link, offer or amount added).
    static func rewrite(_ body: JSONValue) -> String {
        let prompt = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        guard let range = prompt.range(of: "Message:\n") else { return "" }
        return opening + "\n\n" + prompt[range.upperBound...]
    }

    static func events(contact: JSONValue) -> JSONValue {
        [
            "events": [
                Fixtures.envelope(
                    "contact.created", at: "2026-03-01T08:00:00Z", key: "c-marc", contact: contact,
                    properties: ["first_name": "Marc", "locale": "fr", "consents": ["email": true]]),
                Fixtures.envelope(
                    "score.churn_risk_crossed", at: "2026-03-10T09:00:00Z", key: "risk-marc", contact: contact,
                    properties: ["score": 0.78, "previous_score": 0.55]),
            ]
        ]
    }

    @Test func theModelsRewriteReachesTheCustomerAndItsWriterIsRecorded() async throws {
        let peer = try await SMTPPeer.start([])
        defer { peer.stop() }
        try await LoopbackChatServer.with(reply: Self.rewrite) { server in
            let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
            try await store.migrate(now: Self.now)
            let clock = ManualClock(Self.now)
            let ai = try AIServices.fromEnvironment(
                ["AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1", "AUTOPILOT_LLM_MODEL": "local-writer"], store: store, clock: clock)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 5), ai: ai)
            let tenantID = try await TenantService(dependencies: dependencies).create(name: "Maison Lavande").tenantID
            try await ChannelSettingsService(store: store, clock: clock).useSMTP(
                SMTPSettings(host: "127.0.0.1", port: peer.port, security: .none, fromAddress: "claire@maison-lavande.example", fromName: "Claire"),
                tenantID: tenantID)
            _ = try await IngestPipeline(dependencies: dependencies).ingest(
                document: Self.events(contact: ["email": "marc@client.example"]), tenantID: tenantID)

            try await TestWorker.make(dependencies).runDue(now: Self.now)

            let sent = try await FlowQueries(store: store).messages(tenantID: tenantID).filter { $0.flow == "at-risk-customer" }
            let message = try #require(sent.first)
            #expect(message.template == "at-risk-founder-email")
            #expect(message.status == "sent")
            #expect(message.body?.hasPrefix(Self.opening) == true)
            let mail = try #require(try peer.messages().first { $0.rcptTos == ["marc@client.example"] })
            #expect(mail.part("text/plain")?.contains(Self.opening) == true, "the rewrite is what left")
            let prompt = try #require(server.requests.first?["messages"]?.arrayValue?.last?["content"]?.stringValue)
            #expect(prompt.contains("first name: Marc"))

            let record = try #require(
                try await store.outboxMessages(tenantID: tenantID, contactID: nil, limit: 10).first { $0.message.id == message.id })
            let personalisation = try #require(record.message.options.jsonValue["personalisation"])
            #expect(personalisation["written_by"] == "model")
            #expect(personalisation["provider"] == "compatible")
            #expect(personalisation["model"] == "local-writer")
            let calls = try await store.llmCalls(tenantID: tenantID, from: .distantPast, to: .distantFuture)
            #expect(calls.map(\.feature) == ["personalised_copy"])
        }
    }
}

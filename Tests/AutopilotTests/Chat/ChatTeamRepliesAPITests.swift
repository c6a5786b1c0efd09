import AutopilotCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

/// The team answers a conversation handed off to it, closes and reopens it, on SQLite and PostgreSQL.
@Suite("Chat agent — the team's answers")
struct ChatTeamRepliesAPITests {
    @Test func theTeamsAnswerReachesTheWidgetAndTheContactsTimelineOnce() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start()
                let handedOff = try await visitor.say("Je voudrais parler à quelqu'un, mon email est a@example.com")
                #expect(handedOff.contains("quelqu'un de l'équipe"))
                let before = try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")
                let lastSeq = before["messages"]?.arrayValue?.last?["seq"]?.intValue ?? 0

                let body = #"{"text": "Bonjour, c'est Marie. Je regarde votre commande.", "author": "Marie", "client_message_id": "dash-1"}"#
                let sent = try await harness.reply(client, visitor.conversationID, body)
                #expect(sent.status == .created, "\(String(buffer: sent.body))")
                #expect(sent.json["status"] == "handed_off")
                #expect(sent.json["messages"]?[0]?["role"] == "team")
                #expect(sent.json["messages"]?[0]?["author"] == "Marie")
                let again = try await harness.reply(client, visitor.conversationID, body)
                #expect(again.status == .ok)
                #expect(again.json["replayed"] == true)
                #expect(again.json["messages"]?[0]?["id"] == sent.json["messages"]?[0]?["id"])

                let seen = try await client.execute(
                    uri: "/v1/conversations/\(visitor.conversationID)/messages?visitor_id=\(visitor.id)&after=\(lastSeq)", method: .get,
                    headers: visitor.headers)
                let messages = seen.json["messages"]?.arrayValue ?? []
                #expect(messages.count == 1, "the team's answer, once: \(messages)")
                #expect(messages.first?["text"] == "Bonjour, c'est Marie. Je regarde votre commande.")
                #expect(messages.first?["author"] == "Marie")

                let timeline = try await harness.events(client, type: "conversation.message")
                let teamLines = timeline.filter { $0["properties"]?["role"] == "team" }
                #expect(teamLines.count == 1)
                #expect(teamLines.first?["properties"]?["conversation_id"] == .string(visitor.conversationID))

                let stillWithTeam = try await visitor.say("Merci !")
                #expect(stillWithTeam.contains("a pris le relais"), "the agent stays quiet while the team has it")
            }
        }
    }

    @Test func closingLetsTheAgentAnswerAgainAndReopeningGivesItBackToTheTeam() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start(language: "en")
                let first = try await harness.reply(client, visitor.conversationID, #"{"text": "Hello, can I help?"}"#)
                #expect(first.status == .created)
                #expect(first.json["status"] == "handed_off", "a team answer takes the conversation over")
                #expect(try await visitor.say("Is the vanilla candle in stock?").contains("taken over"))

                let closed = try await harness.post(client, "/v1/chat/conversations/\(visitor.conversationID)/close")
                #expect(closed.status == .ok)
                #expect(closed.json["status"] == "closed")
                let closedTwice = try await harness.post(client, "/v1/chat/conversations/\(visitor.conversationID)/close")
                #expect(closedTwice.json["status"] == "closed")
                let waiting = try await harness.team(client, "/v1/chat/conversations?status=closed")
                #expect(waiting["conversations"]?.arrayValue?.count == 1)

                let stock = try await visitor.say("Is the Bougie parfumée vanille in stock?")
                #expect(stock.contains("in stock"), "after closing, the agent answers: \(stock)")
                #expect(try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")["status"] == "open")

                _ = try await harness.post(client, "/v1/chat/conversations/\(visitor.conversationID)/close")
                let reopened = try await harness.post(client, "/v1/chat/conversations/\(visitor.conversationID)/reopen")
                #expect(reopened.json["status"] == "handed_off")
                #expect(try await visitor.say("hello?").contains("taken over"))
            }
        }
    }

    /// Bad answers, each refused naming its field (one application for all: the cases share its start-up).
    static let badAnswers: [(body: String, field: String)] = [
        (#"{}"#, "text"), (#"{"text": "   "}"#, "text"), (#"{"text": 12}"#, "text"), (#"{"text": "ok", "author": 3}"#, "author"),
        (#"{"text": "ok", "author": "a\nb"}"#, "author"), (#"{"text": "ok", "client_message_id": "no spaces"}"#, "client_message_id"),
    ]

    @Test func badAnswersAreRefusedNamingTheField() async throws {
        try await TestDatabases.withSQLite { store in
            let harness = try await ChatHarness.make(store: store)
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start()
                for (body, field) in Self.badAnswers {
                    let response = try await harness.reply(client, visitor.conversationID, body)
                    #expect(response.status == .badRequest, "\(body): \(String(buffer: response.body))")
                    #expect(response.json["error"]?["field"] == .string(field), "\(body)")
                }
            }
        }
    }

    @Test func anotherTenantCannotAnswerCloseOrReadThisTenantsConversation() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start()
                let answer = try await harness.reply(client, visitor.conversationID, #"{"text": "hi"}"#, key: harness.secondAPIKey)
                #expect(answer.status == .notFound)
                let close = try await harness.post(client, "/v1/chat/conversations/\(visitor.conversationID)/close", key: harness.secondAPIKey)
                #expect(close.status == .notFound)
                let transcript = try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")
                #expect(transcript["status"] == "open")
                #expect(transcript["messages"]?.arrayValue?.contains { $0["role"] == "team" } == false)
            }
        }
    }
}

extension ChatHarness {
    /// `POST /v1/chat/conversations/{id}/replies` with the first tenant's API key (or `key`).
    func reply(_ client: any TestClientProtocol, _ conversationID: String, _ body: String, key: String? = nil) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/chat/conversations/\(conversationID)/replies", method: .post,
            headers: [.authorization: "Bearer \(key ?? firstAPIKey)", .contentType: "application/json"], body: ByteBuffer(string: body))
    }

    /// A bodiless team `POST` with the first tenant's API key (or `key`).
    func post(_ client: any TestClientProtocol, _ uri: String, key: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(key ?? firstAPIKey)"])
    }
}

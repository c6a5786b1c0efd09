import Assistant
import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

/// MAX over the HTTP API with API keys: the reply and its drafts, confirmation, retries, bad input answered with the
/// field and reason (never a 500), read-only keys, and tenants that never meet.
@Suite("MAX — the /v1/assistant API")
struct AssistantAPITests {
    struct Client {
        let client: any TestClientProtocol

        func call(_ method: HTTPRequest.Method, _ path: String, key: String, body: String? = nil) async throws -> (HTTPResponse.Status, JSONValue) {
            let headers: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]
            let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            let json = (try? JSONParser.parse(Array(response.body.readableBytesView))) ?? .null
            return (response.status, json)
        }
    }

    static func withAPI(_ body: @Sendable (AssistantShop, Client) async throws -> Void) async throws {
        let shop = try await AssistantShop.inMemory()
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: shop.dependencies, databaseName: "memory")
        try await app.test(.router) { client in try await body(shop, Client(client: client)) }
    }

    @Test func askConfirmAndReadBack() async throws {
        try await Self.withAPI { shop, api in
            let (status, reply) = try await api.call(
                .post, "/v1/assistant/messages", key: shop.keyA, body: #"{"text": "MAX, crée-moi un email de relance pour les leads froids"}"#)
            #expect(status == .created)
            #expect(reply["mode"] == "offline")
            #expect(reply["model_calls"]?[0]?["provider"] == "offline")
            let confirm = try #require(reply["drafts"]?[0]?["confirm_url"]?.stringValue)
            let conversation = try #require(reply["conversation_id"]?.stringValue)

            let (confirmed, done) = try await api.call(.post, confirm, key: shop.keyA)
            #expect(confirmed == .ok)
            #expect(done["settled_drafts"]?[0]?["status"] == "confirmed")
            #expect(done["settled_drafts"]?[0]?["result"]?["template"]?["status"] == "draft")

            let (read, view) = try await api.call(.get, "/v1/assistant/conversations/\(conversation)", key: shop.keyA)
            #expect(read == .ok)
            #expect(view["messages"]?.arrayValue?.map { $0["role"] } == ["user", "assistant", "assistant"])
            #expect(view["drafts"]?[0]?["status"] == "confirmed")
            let (_, list) = try await api.call(.get, "/v1/assistant/conversations", key: shop.keyA)
            #expect(list["conversations"]?.arrayValue?.count == 1)
        }
    }

    @Test func aRetryWithTheSameClientMessageIDAnswersTheSameTurn() async throws {
        try await Self.withAPI { shop, api in
            let body = #"{"text": "Qui dois-je relancer aujourd'hui ?", "client_message_id": "c-42"}"#
            let (first, one) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyA, body: body)
            let (second, two) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyA, body: body)
            #expect(first == .created && second == .ok)
            #expect(two["duplicate"] == true && one["message_id"] == two["message_id"] && one["reply"] == two["reply"])
        }
    }

    struct BadInput: Sendable, CustomStringConvertible {
        var body: String
        var status: HTTPResponse.Status
        var field: String?
        var description: String { body }
    }

    @Test(arguments: [
        BadInput(body: "", status: .badRequest, field: nil),
        BadInput(body: "{\"text\": ", status: .badRequest, field: nil),
        BadInput(body: "[1]", status: .unprocessableContent, field: nil),
        BadInput(body: #"{"text": ""}"#, status: .unprocessableContent, field: "text"),
        BadInput(body: #"{"text": 12}"#, status: .unprocessableContent, field: "text"),
        BadInput(body: #"{"text": "ok", "colour": "red"}"#, status: .unprocessableContent, field: "colour"),
        BadInput(body: #"{"text": "ok", "client_message_id": "a b"}"#, status: .unprocessableContent, field: "client_message_id"),
        BadInput(body: #"{"text": "ok", "conversation_id": "asc_nope"}"#, status: .notFound, field: "conversation_id"),
        BadInput(body: "{\"text\": \"" + String(repeating: "a", count: 4_001) + "\"}", status: .unprocessableContent, field: "text"),
    ])
    func badInputNamesTheField(_ bad: BadInput) async throws {
        try await Self.withAPI { shop, api in
            let (status, answer) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyA, body: bad.body)
            #expect(status == bad.status, "\(answer)")
            #expect(answer["error"]?["field"]?.stringValue == bad.field)
            #expect(answer["error"]?["message"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func unknownDraftsAndConversationsAre404() async throws {
        try await Self.withAPI { shop, api in
            let (_, reply) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyA, body: #"{"text": "crée un email de bienvenue"}"#)
            let conversation = reply["conversation_id"]?.stringValue ?? ""
            let (draft, answer) = try await api.call(.post, "/v1/assistant/conversations/\(conversation)/drafts/nope/confirm", key: shop.keyA)
            #expect(draft == .notFound && answer["error"]?["field"] == "call_id")
            let (missing, _) = try await api.call(.get, "/v1/assistant/conversations/asc_missing", key: shop.keyA)
            #expect(missing == .notFound)
            let (unauthenticated, _) = try await api.call(.get, "/v1/assistant/conversations", key: "ap_wrong")
            #expect(unauthenticated == .unauthorized)
        }
    }

    @Test func aReadOnlyKeyTalksWithMAXButConfirmsNothing() async throws {
        try await Self.withAPI { shop, api in
            let (owner, drafted) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyA, body: #"{"text": "crée un email de bienvenue"}"#)
            #expect(owner == .created)
            let (asked, reply) = try await api.call(
                .post, "/v1/assistant/messages", key: shop.readOnlyKeyA, body: #"{"text": "crée un email de bienvenue"}"#)
            #expect(asked == .created)
            #expect(reply["drafts"]?.arrayValue == [])
            #expect(reply["reply"]?.stringValue?.contains("lecture seule") == true)
            let confirm = drafted["drafts"]?[0]?["confirm_url"]?.stringValue ?? ""
            let (refused, _) = try await api.call(.post, confirm, key: shop.readOnlyKeyA)
            #expect(refused == .forbidden)
        }
    }

    @Test func tenantBNeverSeesTenantAsConversations() async throws {
        try await Self.withAPI { shop, api in
            let (_, reply) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyA, body: #"{"text": "crée un email de bienvenue"}"#)
            let conversation = reply["conversation_id"]?.stringValue ?? ""
            let confirm = reply["drafts"]?[0]?["confirm_url"]?.stringValue ?? ""
            let (read, _) = try await api.call(.get, "/v1/assistant/conversations/\(conversation)", key: shop.keyB)
            #expect(read == .notFound)
            let (confirmed, _) = try await api.call(.post, confirm, key: shop.keyB)
            #expect(confirmed == .notFound)
            let (posted, _) = try await api.call(
                .post, "/v1/assistant/messages", key: shop.keyB, body: "{\"text\": \"bonjour\", \"conversation_id\": \"\(conversation)\"}")
            #expect(posted == .notFound)
            let (_, list) = try await api.call(.get, "/v1/assistant/conversations", key: shop.keyB)
            #expect(list["conversations"]?.arrayValue == [])
            let (_, order) = try await api.call(.post, "/v1/assistant/messages", key: shop.keyB, body: #"{"text": "Où en est la commande A-1001 ?"}"#)
            #expect(order["reply"]?.stringValue?.contains("6A123") == false)
            #expect(try await shop.store.assistantDrafts(conversationID: conversation, tenantID: shop.tenantA).first?.status == .pending)
        }
    }

    @Test func aUserSeesOnlyTheirOwnConversationsAndNeverAnotherTenants() async throws {
        let shop = try await AssistantShop.inMemory()
        let ana = shop.user(id: "us_ana"), bob = shop.user(id: "us_bob"), zoe = shop.user(shop.tenantB, id: "us_zoe")
        let reply = try await shop.assistant.send(try .init(text: "crée un email de bienvenue"), caller: ana)
        #expect(try await shop.assistant.conversations(caller: bob).isEmpty)
        #expect(try await shop.assistant.conversations(caller: zoe).isEmpty)
        await #expect(throws: Assistant.AssistantError.self) { try await shop.assistant.conversation(id: reply.conversationID, caller: zoe) }
        await #expect(throws: Assistant.AssistantError.self) { try await shop.assistant.conversation(id: reply.conversationID, caller: bob) }
        await #expect(throws: Assistant.AssistantError.self) {
            try await shop.assistant.confirm(conversationID: reply.conversationID, callID: reply.pendingDrafts.first?.id ?? "", caller: zoe)
        }
        #expect(try await shop.assistant.conversations(caller: ana).map(\.id) == [reply.conversationID])
    }
}

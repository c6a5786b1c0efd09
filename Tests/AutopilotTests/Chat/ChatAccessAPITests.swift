import AutopilotCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import NIOCore
import Testing

/// Who may use the visitors' chat API, how often, and what it refuses, on SQLite and PostgreSQL.
@Suite("Chat agent — widget keys, origins, limits, tenants")
struct ChatAccessAPITests {
    @Test func aWidgetKeyWorksOnlyFromItsOrigins() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var foreign = Visitor(client, widget: harness.shopWidget, origin: "https://evil.example")
                let refused = try await client.execute(
                    uri: "/v1/conversations", method: .post, headers: foreign.headers, body: ByteBuffer(string: #"{"visitor_id": "v1"}"#))
                #expect(refused.status == .forbidden)
                #expect(refused.json["error"]?["code"] == "origin_not_allowed")
                let noOrigin = Visitor(client, widget: harness.shopWidget, origin: nil)
                let missing = try await client.execute(
                    uri: "/v1/conversations", method: .post, headers: noOrigin.headers, body: ByteBuffer(string: #"{"visitor_id": "v1"}"#))
                #expect(missing.status == .forbidden)
                let unknown = Visitor(client, widget: "wk_notakeyatallnotakeyatall12345", origin: ChatHarness.shopOrigin)
                let bad = try await client.execute(
                    uri: "/v1/conversations", method: .post, headers: unknown.headers, body: ByteBuffer(string: #"{"visitor_id": "v1"}"#))
                #expect(bad.status == .unauthorized)
                #expect(bad.json["error"]?["code"] == "invalid_widget_key")

                var allowed = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await allowed.start()
                foreign.conversationID = allowed.conversationID
                let stolen = try await foreign.post("where is my order 1042?")
                #expect(stolen.status == .forbidden)

                let preflight = try await client.execute(
                    uri: "/v1/conversations/\(allowed.conversationID)/messages", method: .options,
                    headers: [.origin: ChatHarness.shopOrigin, .accessControlRequestMethod: "POST"])
                #expect(preflight.status == .noContent)
                #expect(preflight.headers[.accessControlAllowOrigin] == ChatHarness.shopOrigin)
                #expect(preflight.headers[.accessControlAllowHeaders]?.contains("X-Widget-Key") == true)
            }
        }
    }

    @Test func anotherTenantsWidgetNeverReachesThisTenantsConversationsOrOrders() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var mine = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin, id: "same-visitor")
                _ = try await mine.start(language: "en")
                var theirs = Visitor(client, widget: harness.otherWidget, origin: ChatHarness.otherOrigin, id: "same-visitor")
                let intoMine = try await theirs.post("hello", conversation: mine.conversationID)
                #expect(intoMine.status == .notFound)
                let listing = try await client.execute(
                    uri: "/v1/conversations/\(mine.conversationID)/messages?visitor_id=same-visitor", method: .get, headers: theirs.headers)
                #expect(listing.status == .notFound)

                _ = try await theirs.start(language: "en")
                _ = try await theirs.say("Where is my order #1042?")
                let answer = try await theirs.say("a@example.com")
                #expect(answer.contains("can't find an order"))
                #expect(!answer.contains("shipped"))
                let stock = try await theirs.say("Is the Bougie parfumée vanille in stock?")
                #expect(!stock.contains("in stock for"))
                #expect(!stock.contains("Bougie parfumée vanille —"))

                let adminOfFirst = try await client.execute(
                    uri: "/v1/chat/conversations/\(theirs.conversationID)", method: .get, headers: [.authorization: "Bearer \(harness.firstAPIKey)"])
                #expect(adminOfFirst.status == .notFound)
                let firstList = try await harness.team(client, "/v1/chat/conversations")
                #expect(firstList["conversations"]?.arrayValue?.map { $0["conversation_id"] } == [.string(mine.conversationID)])
            }
        }
    }

    @Test func visitorsAndAddressesAreRateLimitedWithRetryAfter() async throws {
        try await ChatHarness.onEachStore(configure: {
            $0.chatLimits.visitorBurst = 3
            $0.chatLimits.visitorPerSecond = 0.1
            $0.chatLimits.addressBurst = 6
            $0.chatLimits.addressPerSecond = 0.1
        }) { harness in
            try await harness.app.test(.live) { client in
                var first = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await first.start()
                _ = try await first.say("bonjour")
                _ = try await first.say("je cherche une info")
                let limited = try await first.post("encore moi")
                #expect(limited.status == .tooManyRequests)
                #expect(limited.headers[.retryAfter] == "10")
                #expect(limited.headers[.accessControlAllowOrigin] == ChatHarness.shopOrigin)

                var second = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await second.start()
                _ = try await second.say("bonjour")
                let byAddress = try await second.post("et encore")
                #expect(byAddress.status == .tooManyRequests)

                harness.clock.advance(by: 30)
                #expect(try await first.post("me revoilà").status == .created)
            }
        }
    }

    @Test func badInputIsA400NamingTheField() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin, id: "v-1")
                let headers = visitor.headers
                func post(_ uri: String, _ body: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
                }
                let noVisitor = try await post("/v1/conversations", #"{"language": "fr"}"#)
                #expect(noVisitor.status == .badRequest)
                #expect(noVisitor.json["error"]?["field"] == "visitor_id")
                let badVisitor = try await post("/v1/conversations", #"{"visitor_id": "has spaces <script>"}"#)
                #expect(badVisitor.json["error"]?["field"] == "visitor_id")
                let notJSON = try await post("/v1/conversations", "visitor_id=v-1")
                #expect(notJSON.status == .badRequest)
                _ = try await visitor.start()
                let path = "/v1/conversations/\(visitor.conversationID)/messages"
                let empty = try await post(path, #"{"visitor_id": "v-1", "text": "   "}"#)
                #expect(empty.status == .badRequest)
                #expect(empty.json["error"]?["field"] == "text")
                let number = try await post(path, #"{"visitor_id": "v-1", "text": 42}"#)
                #expect(number.status == .badRequest)
                #expect(number.json["error"]?["field"] == "text")
                let long = try await post(path, JSONValue.object(["visitor_id": "v-1", "text": .string(String(repeating: "a", count: 2_001))]).jsonString)
                #expect(long.json["error"]?["field"] == "text")
                let badClientID = try await post(path, #"{"visitor_id": "v-1", "text": "hi", "client_message_id": ""}"#)
                #expect(badClientID.json["error"]?["field"] == "client_message_id")
                let otherVisitor = try await post(path, #"{"visitor_id": "v-2", "text": "hi"}"#)
                #expect(otherVisitor.status == .notFound)
                let conversation = try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")
                #expect(conversation["messages"]?.arrayValue?.count == 1)
            }
        }
    }

    @Test func theTeamManagesWidgetKeysAndTheWidgetIsServed() async throws {
        try await ChatHarness.onEachStore { harness in
            try await harness.app.test(.live) { client in
                let auth: HTTPFields = [.authorization: "Bearer \(harness.firstAPIKey)", .contentType: "application/json"]
                let bad = try await client.execute(
                    uri: "/v1/widget-keys", method: .post, headers: auth, body: ByteBuffer(string: #"{"origins": ["https://ok.example", "shop.example/path"]}"#))
                #expect(bad.status == .badRequest)
                #expect(bad.json["error"]?["field"] == "origins[1]")
                let created = try await client.execute(
                    uri: "/v1/widget-keys", method: .post, headers: auth,
                    body: ByteBuffer(string: #"{"origins": ["HTTPS://New.Example:443/"], "qualifies_leads": true}"#))
                #expect(created.status == .created)
                #expect(created.json["origins"] == ["https://new.example"])
                let key = try #require(created.json["key"]?.stringValue)
                var visitor = Visitor(client, widget: key, origin: "https://new.example")
                #expect(try await visitor.start(language: "en").contains("?"))
                let listed = try await harness.team(client, "/v1/widget-keys")
                #expect(listed["widget_keys"]?.arrayValue?.count == 3)
                let theirs = try await harness.team(client, "/v1/widget-keys", key: harness.secondAPIKey)
                #expect(theirs["widget_keys"]?.arrayValue?.count == 1)
                let foreignRevoke = try await client.execute(
                    uri: "/v1/widget-keys/\(key)/revoke", method: .post, headers: [.authorization: "Bearer \(harness.secondAPIKey)"])
                #expect(foreignRevoke.status == .notFound)
                let revoke = try await client.execute(uri: "/v1/widget-keys/\(key)/revoke", method: .post, headers: auth)
                #expect(revoke.status == .noContent)
                #expect(try await visitor.post("hello").status == .unauthorized)

                let script = try await client.execute(uri: "/widget.js", method: .get)
                #expect(script.status == .ok)
                #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
                let text = String(buffer: script.body)
                #expect(text.contains("X-Widget-Key"))
                #expect(!text.contains("eval("))
                #expect(!text.contains("innerHTML"))
                #expect(!text.contains("new Function"))
            }
        }
    }
}

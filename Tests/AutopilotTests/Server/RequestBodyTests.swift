import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

/// Bodies that are JSON only in a loose reading are refused the same way on both stores, before anything is written:
/// U+0000 in a string (PostgreSQL cannot store it, SQLite would cut the text there), a key twice in one object, text that
/// is not UTF-8, a body declared as another type, a 60th second and year 0000.
@Suite("HTTP API — request bodies read strictly, the same answer on SQLite and PostgreSQL")
struct RequestBodyTests {
    static func withApp(_ store: SQLStore, _ body: @Sendable (any ApplicationProtocol, String, SQLStore) async throws -> Void) async throws {
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now))
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Strict shop")
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: dependencies, databaseName: "test")
        try await body(app, tenant.apiKey, store)
    }

    static func post(_ client: some TestClientProtocol, _ key: String, _ path: String, _ bytes: [UInt8], type: String = "application/json")
        async throws -> (status: HTTPResponse.Status, error: JSONValue?)
    {
        let response = try await client.execute(
            uri: path, method: .post, headers: [.authorization: "Bearer \(key)", .contentType: type], body: ByteBuffer(bytes: bytes))
        let body = try? JSONParser.parse(Array(response.body.readableBytesView))
        return (response.status, body?["error"])
    }

    static func event(note: String, at: String = "2026-03-01T10:00:00Z") -> String {
        #"{"events": [{"type": "contact.created", "occurred_at": "\#(at)", "idempotency_key": "k1", "contact": {"email": "ana@example.com"}, "properties": {"first_name": "Ana", "note": "\#(note)"}}]}"#
    }

    static func refusals(_ app: any ApplicationProtocol, key: String, store: SQLStore) async throws {
        try await app.test(.router) { client in
            let nul = try await post(client, key, "/v1/events", Array(event(note: #"before\u0000after"#).utf8))
            #expect(nul.status == .unprocessableContent)
            #expect(nul.error?["field"] == "events[0].properties.note")
            #expect(nul.error?["message"]?.stringValue?.contains("NUL") == true)

            let nulInKey = try await post(client, key, "/v1/templates", Array(#"{"name\u0000": "x"}"#.utf8))
            #expect(nulInKey.status == .unprocessableContent)

            let twice = try await post(client, key, "/v1/events", Array(#"{"events": [], "events": []}"#.utf8))
            #expect(twice.status == .badRequest && twice.error?["code"] == "malformed_json")
            #expect(twice.error?["message"]?.stringValue?.contains(#"the key "events" appears twice"#) == true)

            var latin1 = Array(event(note: "caf").utf8)
            latin1.insert(0xE9, at: latin1.firstIndex(of: UInt8(ascii: "f"))! + 1)  // "café" in Latin-1: not UTF-8
            let notUTF8 = try await post(client, key, "/v1/events", latin1)
            #expect(notUTF8.status == .badRequest && notUTF8.error?["message"]?.stringValue?.contains("not UTF-8") == true)

            let plain = try await post(client, key, "/v1/events", Array(event(note: "ok").utf8), type: "text/plain")
            #expect(plain.status == .unsupportedMediaType && plain.error?["field"] == "Content-Type")
            let plainTemplate = try await post(client, key, "/v1/templates", Array(#"{"name": "x"}"#.utf8), type: "text/plain; charset=utf-8")
            #expect(plainTemplate.status == .unsupportedMediaType)

            for at in ["2026-03-01T10:00:60Z", "0000-01-01T10:00:00Z"] {
                let bad = try await post(client, key, "/v1/events", Array(event(note: "ok", at: at).utf8))
                #expect(bad.status == .unprocessableContent && bad.error?["field"] == "events[0].occurred_at", "\(at)")
            }

            // Amounts are bounded (a billion): two orders of 1.7e308 would make the contact's total infinite.
            let huge =
                #"{"events": [{"type": "order.placed", "occurred_at": "2026-03-01T10:00:00Z", "idempotency_key": "o1", "contact": {"email": "ana@example.com"}, "properties": {"order_id": "1", "total": 1.7e308, "currency": "EUR", "lines": [{"sku": "A", "price": 2e9}]}}]}"#
            let tooMuch = try await post(client, key, "/v1/events", Array(huge.utf8))
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.error?["field"] == "events[0].properties.lines[0].price" || tooMuch.error?["field"] == "events[0].properties.total")
            #expect(tooMuch.error?["message"]?.stringValue?.contains("at most 1000000000") == true)

            let events = try await client.execute(uri: "/v1/events", method: .get, headers: [.authorization: "Bearer \(key)"])
            #expect(try JSONParser.parse(Array(events.body.readableBytesView))["events"]?.arrayValue?.isEmpty == true, "nothing was written")

            // The same event, clean, with curl's default type: accepted.
            let clean = try await post(client, key, "/v1/events", Array(event(note: "ok").utf8), type: "application/x-www-form-urlencoded")
            #expect(clean.status == .ok)
        }
    }

    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { store in try await Self.withApp(store) { try await Self.refusals($0, key: $1, store: $2) } }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { store in try await Self.withApp(store) { try await Self.refusals($0, key: $1, store: $2) } }
    }

    @Test func theStrictParserNamesThePathAndKeepsLooseReadingElsewhere() throws {
        #expect(throws: RequestBodyError.nulCharacter(path: "a[1].b")) { try JSONParser.parseRequest(Array(#"{"a": [1, {"b": "x\u0000"}]}"#.utf8)) }
        #expect(throws: RequestBodyError.nulCharacter(path: "(the body)")) { try JSONParser.parseRequest(Array(#""\u0000""#.utf8)) }
        #expect(try JSONParser.parseRequest(Array(#"{"a": "caf\u00e9", "b": "\ud83d\ude00"}"#.utf8))["a"] == "café")
        // Stored documents and model answers are still read loosely: the last key wins.
        #expect(try JSONParser.parse(#"{"a": 1, "a": 2}"#)["a"] == 2)
        #expect(Timestamp.parse("2026-03-01T10:00:59Z") != nil)
        #expect(Timestamp.parse("2026-03-01T10:00:60Z") == nil && Timestamp.parse("0000-03-01T10:00:00Z") == nil)
    }
}

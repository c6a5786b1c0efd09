import AutopilotCore
import Chat
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

/// The real application on a real store (SQLite, or PostgreSQL when configured) with a manual clock, two tenants and
/// their widget keys: the first sells online (order 1042 for a@example.com / +33612345678, a vanilla candle in stock) and
/// has a shop widget and a B2B widget; the second has its own widget and nothing else.
struct ChatHarness {
    static let shopOrigin = "https://shop.example"
    static let agencyOrigin = "https://agency.example"
    static let otherOrigin = "https://other.example"

    let app: any ApplicationProtocol
    let store: SQLStore
    let clock: ManualClock
    let firstTenantID: String
    let firstAPIKey: String
    let secondAPIKey: String
    let shopWidget: String
    let b2bWidget: String
    let otherWidget: String

    static func make(
        store: SQLStore, capabilities: ChatCapabilities? = nil, environment: [String: String] = [:],
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> ChatHarness {
        let clock = ManualClock(Fixtures.now)
        let ai = try AIServices.fromEnvironment(environment, store: store, clock: clock)
        let dependencies = Dependencies(store: store, clock: clock, ai: ai)
        let tenants = TenantService(dependencies: dependencies)
        let first = try await tenants.create(name: "Boutique")
        let second = try await tenants.create(name: "Other shop")
        let keys = WidgetKeyService(dependencies: dependencies)
        let shop = try await keys.create(tenantID: first.tenantID, origins: [shopOrigin], qualifiesLeads: false)
        let b2b = try await keys.create(tenantID: first.tenantID, origins: [agencyOrigin + "/"], qualifiesLeads: true)
        let other = try await keys.create(tenantID: second.tenantID, origins: [otherOrigin], qualifiesLeads: false)
        let seed: JSONValue = [
            "events": [
                Fixtures.envelope(
                    "order.placed", key: "o-1042", contact: ["email": "a@example.com", "phone": "+33612345678"],
                    properties: ["order_id": "1042", "lines": [["sku": "CANDLE-V", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR"]),
                Fixtures.envelope(
                    "order.fulfilled", at: "2026-03-02T10:00:00Z", key: "f-1042", contact: ["email": "a@example.com"],
                    properties: ["order_id": "1042", "carrier": "Colissimo", "tracking_number": "6A12345"]),
                Fixtures.envelope(
                    "product.updated", key: "p-candle", contact: nil,
                    properties: ["sku": "CANDLE-V", "title": "Bougie parfumée vanille", "in_stock": true]),
            ]
        ]
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: seed, tenantID: first.tenantID)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let app = buildApplication(configuration: configuration, dependencies: dependencies, databaseName: "test", chatCapabilities: capabilities)
        return ChatHarness(
            app: app, store: store, clock: clock, firstTenantID: first.tenantID, firstAPIKey: first.apiKey, secondAPIKey: second.apiKey, shopWidget: shop.key, b2bWidget: b2b.key,
            otherWidget: other.key)
    }

    /// Runs `body` on in-memory SQLite, then on a fresh PostgreSQL database when one is configured.
    static func onEachStore(
        capabilities: ChatCapabilities? = nil, configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (ChatHarness) async throws -> Void
    ) async throws {
        try await TestDatabases.withSQLite { store in try await body(try await make(store: store, capabilities: capabilities, configure: configure)) }
        guard TestDatabases.postgresURL != nil else { return }
        try await TestDatabases.withPostgres { store in try await body(try await make(store: store, capabilities: capabilities, configure: configure)) }
    }
}

/// A visitor in a browser on one site, talking through the widget's API.
struct Visitor {
    let client: any TestClientProtocol
    let widget: String
    let origin: String?
    let id: String
    var conversationID = ""

    init(_ client: any TestClientProtocol, widget: String, origin: String?, id: String = "v-" + UUID().uuidString.prefix(8).lowercased()) {
        self.client = client
        self.widget = widget
        self.origin = origin
        self.id = id
    }

    var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-Widget-Key")!: widget]
        if let origin { fields[.origin] = origin }
        return fields
    }

    /// Starts a conversation; returns the greeting.
    mutating func start(language: String = "fr") async throws -> String {
        let response = try await client.execute(
            uri: "/v1/conversations", method: .post, headers: headers, body: ByteBuffer(string: (["visitor_id": .string(id), "language": .string(language)] as JSONValue).jsonString))
        #expect(response.status == .created, "start: \(String(buffer: response.body))")
        let body = try JSONParser.parse(Array(response.body.readableBytesView))
        conversationID = body["conversation_id"]?.stringValue ?? ""
        return Self.replies(body)
    }

    func post(_ text: String, clientID: String? = nil, conversation: String? = nil) async throws -> TestResponse {
        var body: JSONObject = ["visitor_id": .string(id), "text": .string(text)]
        if let clientID { body["client_message_id"] = .string(clientID) }
        return try await client.execute(
            uri: "/v1/conversations/\(conversation ?? conversationID)/messages", method: .post, headers: headers,
            body: ByteBuffer(string: JSONValue.object(body).jsonString))
    }

    /// Says `text` and returns the agent's replies, joined.
    func say(_ text: String, clientID: String? = nil) async throws -> String {
        let response = try await post(text, clientID: clientID)
        #expect(response.status == .created || response.status == .ok, "\(text): \(String(buffer: response.body))")
        return Self.replies(try JSONParser.parse(Array(response.body.readableBytesView)))
    }

    static func replies(_ body: JSONValue) -> String {
        (body["messages"]?.arrayValue ?? []).filter { $0["role"]?.stringValue != "visitor" }.compactMap { $0["text"]?.stringValue }
            .joined(separator: " ")
    }
}

extension TestResponse {
    var json: JSONValue { (try? JSONParser.parse(Array(body.readableBytesView))) ?? .null }
}

extension ChatHarness {
    /// A team request with the first tenant's API key.
    func team(_ client: any TestClientProtocol, _ uri: String, key: String? = nil) async throws -> JSONValue {
        let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(key ?? firstAPIKey)"])
        return response.json
    }

    /// The first tenant's events of a type, through the API.
    func events(_ client: any TestClientProtocol, type: String) async throws -> [JSONValue] {
        try await team(client, "/v1/events?type=\(type)&limit=500")["events"]?.arrayValue ?? []
    }
}

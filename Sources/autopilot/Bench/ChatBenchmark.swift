import AutopilotCore
import Chat
import Engine
import Foundation
import Logging
import Storage

/// `autopilot bench chat`: the chat agent's cost per visitor turn through `ConversationService` on a real SQLite file
/// (WAL), offline (no language model): each turn reads the conversation, runs the agent (intents, sentiment, the
/// order check, the catalog, the knowledge base), records the contact's timeline once the visitor is known, and appends
/// the turn in one transaction. Conversations follow a script of six messages, one after another.
struct ChatBenchmark {
    struct Result: Codable, Sendable {
        var turns: Int
        var conversations: Int
        var turnsPerSecond: Double
        var turnMeanMilliseconds: Double
        var turnP50Milliseconds: Double
        var turnP99Milliseconds: Double
        /// Turns whose replies were not what the script expects (should be 0).
        var unexpectedReplies: Int

        enum CodingKeys: String, CodingKey {
            case turns, conversations
            case turnsPerSecond = "turns_per_second", turnMeanMilliseconds = "turn_mean_ms", turnP50Milliseconds = "turn_p50_ms"
            case turnP99Milliseconds = "turn_p99_ms", unexpectedReplies = "unexpected_replies"
        }
    }

    /// A visitor's message and a piece of the reply that shows the agent understood it.
    static let script: [(text: String, expect: String)] = [
        ("Bonjour, où en est ma commande 1042 ?", "adresse email"),
        ("client@example.com", "expédiée"),
        ("Avez-vous la bougie vanille en stock ?", "en stock"),
        ("Quels sont vos délais de livraison ?", "48 heures"),
        ("Merci beaucoup, super service !", "Je peux"),
        ("Et vous faites des cartes cadeaux ?", ""),
    ]

    let turns: Int
    let directory: URL

    func run() async throws -> Result {
        var logger = Logger(label: "autopilot.bench")
        logger.logLevel = .error
        let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("chat.sqlite").path))
        try await store.migrate(now: Date())
        let dependencies = Dependencies(store: store, logger: logger)
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Chat bench")
        try await seed(dependencies, tenantID: tenant.tenantID)
        let widget = try await WidgetKeyService(dependencies: dependencies).create(
            tenantID: tenant.tenantID, origins: ["https://shop.example"], qualifiesLeads: false)
        let service = ConversationService(dependencies: dependencies)

        let warmUp = min(60, turns)
        _ = try await drive(service, widget: widget, turns: warmUp, prefix: "w")
        let clock = ContinuousClock()
        let start = clock.now
        let (durations, conversations, unexpected) = try await drive(service, widget: widget, turns: turns, prefix: "m")
        let total = (clock.now - start).seconds
        let sorted = durations.sorted()
        return Result(
            turns: turns, conversations: conversations, turnsPerSecond: Double(turns) / max(total, 1e-9),
            turnMeanMilliseconds: durations.reduce(0, +) / Double(max(1, durations.count)) * 1000,
            turnP50Milliseconds: Self.percentile(sorted, 0.50) * 1000, turnP99Milliseconds: Self.percentile(sorted, 0.99) * 1000,
            unexpectedReplies: unexpected)
    }

    /// Runs `turns` visitor messages, a new conversation every six; returns each turn's seconds, the conversations
    /// opened and the turns whose reply missed what the script expects.
    private func drive(_ service: ConversationService, widget: WidgetKeyRecord, turns: Int, prefix: String) async throws
        -> ([Double], Int, Int)
    {
        let clock = ContinuousClock()
        var durations: [Double] = []
        durations.reserveCapacity(turns)
        var unexpected = 0
        var conversation = ""
        var visitor = ""
        var opened = 0
        for turn in 0..<turns {
            let step = turn % Self.script.count
            if step == 0 {
                visitor = "\(prefix)-visitor-\(opened)"
                conversation = try await service.start(widget: widget, visitorID: visitor, language: "fr").conversationID
                opened += 1
            }
            let (text, expect) = Self.script[step]
            let before = clock.now
            let view = try await service.post(conversationID: conversation, widget: widget, visitorID: visitor, text: text, clientMessageID: "t\(turn)")
            durations.append((clock.now - before).seconds)
            let replies = view.messages.filter { $0.role != "visitor" }.map(\.text).joined(separator: " ")
            if replies.isEmpty || (!expect.isEmpty && !replies.contains(expect)) { unexpected += 1 }
        }
        return (durations, opened, unexpected)
    }

    /// An order for client@example.com, a product in the catalog and a knowledge base answer.
    private func seed(_ dependencies: Dependencies, tenantID: String) async throws {
        let at = JSONValue.string(Timestamp.format(Date()))
        let events: [JSONValue] = [
            [
                "type": "order.placed", "occurred_at": at, "idempotency_key": "o-1042", "contact": ["email": "client@example.com"],
                "properties": ["order_id": "1042", "lines": [["sku": "CANDLE-V", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR"],
            ],
            [
                "type": "order.fulfilled", "occurred_at": at, "idempotency_key": "f-1042", "contact": ["email": "client@example.com"],
                "properties": ["order_id": "1042", "carrier": "Colissimo", "tracking_number": "6A12345"],
            ],
            [
                "type": "product.updated", "occurred_at": at, "idempotency_key": "p-candle",
                "properties": ["sku": "CANDLE-V", "title": "Bougie parfumée vanille", "in_stock": true],
            ],
        ]
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(events)], tenantID: tenantID)
        _ = try await KnowledgeBaseService(dependencies: dependencies).upload(
            KnowledgeUpload(title: "Livraison", body: "Délais de livraison : nous livrons en 48 heures partout en France.", language: "fr"),
            tenantID: tenantID)
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))]
    }
}

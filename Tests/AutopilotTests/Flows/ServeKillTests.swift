import AutopilotCore
import Foundation
import Storage
import TestSupport
import Testing

/// Kills a real `autopilot serve` (API + worker) with SIGKILL while it routes and dispatches order confirmations, restarts
/// it, and checks that every order got exactly one message, sent once, and one `message.sent` event.
@Suite("Flow engine — SIGKILL of a real server")
struct ServeKillTests {
    static let orders = 1_200

    @Test(.timeLimit(.minutes(5))) func aKilledServerFinishesEveryOrderConfirmationExactlyOnce() async throws {
        _ = try #require(ServeProcess.executable, "build the package first (`swift build`): .build/debug/autopilot is missing")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: directory) } }
        let database = directory.appendingPathComponent("shop.sqlite").path
        let log = directory.appendingPathComponent("serve.log")

        let created = try JSONParser.parse(try ServeProcess.run(["tenants", "create", "Kill test shop", "--database", database, "--json"]))
        let key = try #require(created["api_key"]?.stringValue)
        let tenantID = try #require(created["tenant_id"]?.stringValue)
        let port = try LoopbackPort.unused()
        var server = try ServeProcess.serve(database: database, port: port, log: log)
        try await ServeProcess.waitUntilHealthy(port: port)

        let now = Date()
        for batch in stride(from: 0, to: Self.orders, by: 200) {
            let events: [JSONValue] = (batch..<min(batch + 200, Self.orders)).map { index in
                let phone = "+336" + String(format: "%08d", 10_000_000 + index)
                return [
                    "type": "order.placed", "occurred_at": .string(Timestamp.format(now)), "idempotency_key": .string("order-\(index)"),
                    "contact": ["email": .string("buyer\(index)@example.com"), "phone": .string(phone)],
                    "properties": [
                        "order_id": .string("O-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0,
                        "currency": "EUR",
                    ],
                ]
            }
            let status = try await ServeProcess.post(port: port, path: "/v1/events", key: key, ["events": .array(events)])
            #expect(status == 202 || status == 200 || status == 201)
        }

        let reader = SQLStore(database: try SQLiteDatabase(path: database))
        func confirmations() async throws -> [String: Int] {
            let messages = try await reader.outboxMessages(tenantID: tenantID, contactID: nil, limit: 100_000)
            return Dictionary(grouping: messages.filter { $0.message.flowID == "order-confirmation-sms" }, by: \.message.status.rawValue).mapValues(
                \.count)
        }
        // First kill: as soon as the worker has queued some confirmations. Second: once some are sent.
        var kills = 0
        for phase in ["queued", "sent"] {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                let counts = try await confirmations()
                if (phase == "queued" && counts.values.reduce(0, +) > 0) || (phase == "sent" && (counts["sent"] ?? 0) > 0) { break }
                try await Task.sleep(for: .milliseconds(2))
            }
            let before = try await confirmations()
            ServeProcess.kill9(server)
            if ProcessInfo.processInfo.environment["KEEP"] != nil { print("killed during \(phase): \(before)") }
            kills += 1
            if before["sent"] == Self.orders { break }  // the worker was quicker than the poll; the check below still holds
            server = try ServeProcess.serve(database: database, port: port, log: log)
            try await ServeProcess.waitUntilHealthy(port: port)
        }
        #expect(kills >= 1)
        if server.isRunning == false {
            server = try ServeProcess.serve(database: database, port: port, log: log)
            try await ServeProcess.waitUntilHealthy(port: port)
        }
        let deadline = ContinuousClock.now + .seconds(120)
        var counts: [String: Int] = [:]
        while ContinuousClock.now < deadline {
            counts = try await confirmations()
            if counts["sent"] == Self.orders { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        ServeProcess.kill9(server)

        #expect(counts == ["sent": Self.orders], "order confirmations by status: \(counts)")
        let messages = try await reader.outboxMessages(tenantID: tenantID, contactID: nil, limit: 100_000).filter {
            $0.message.flowID == "order-confirmation-sms"
        }
        #expect(Set(messages.map(\.message.contactID)).count == Self.orders, "one confirmation per buyer")
        #expect(Set(messages.map(\.message.idempotencyKey)).count == Self.orders)
        let runs = try await reader.flowRunCounts(tenantID: tenantID).filter { $0.flowID == "order-confirmation-sms" }
        #expect(runs.map(\.count).reduce(0, +) == Self.orders)
        #expect(runs.allSatisfy { $0.status == .completed })
        var sentEvents: [String: Int] = [:]
        var before: Int64?
        repeat {
            let page = try await reader.events(EventQuery(type: .messageSent, limit: 1_000, before: before), tenantID: tenantID)
            for event in page.events { if let id = event.properties["message_id"]?.stringValue { sentEvents[id, default: 0] += 1 } }
            before = page.nextCursor.flatMap(EventCursor.decode)
        } while before != nil
        #expect(
            messages.allSatisfy { sentEvents[$0.message.id] == 1 },
            "one message.sent per confirmation: \(messages.count) messages, \(sentEvents.count) with events, \(Dictionary(grouping: messages, by: { sentEvents[$0.message.id] ?? 0 }).mapValues(\.count))"
        )
    }
}

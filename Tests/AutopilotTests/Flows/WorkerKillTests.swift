import AutopilotCore
import Engine
import Foundation
import Hummingbird
import Storage
import Synchronization
import TestSupport
import Testing

/// Kills a real `autopilot worker` with SIGKILL again and again while it sends order confirmations through a loopback
/// server speaking Twilio's Messages API, restarts it each time, and counts the provider's calls against the outbox:
/// each outcome is recorded as soon as the provider answers, so a kill re-sends at most the one message whose answer was
/// not yet recorded — never the batch.
@Suite("Delivery — SIGKILL of a worker during dispatch")
struct WorkerKillTests {
    static let orders = 600
    static let kills = 12

    /// Twilio's `POST /2010-04-01/Accounts/{sid}/Messages.json`, counting the calls per recipient.
    final class FakeTwilio: Sendable {
        let calls = Mutex<[String: Int]>([:])

        var total: Int { calls.withLock { $0.values.reduce(0, +) } }

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.post("2010-04-01/Accounts/:account/Messages.json") { request, _ -> Response in
                let body = String(buffer: try await request.body.collect(upTo: 1 << 16))
                var to = ""
                for pair in body.split(separator: "&") where pair.hasPrefix("To=") {
                    to = String(pair.dropFirst(3)).removingPercentEncoding ?? ""
                }
                // A provider takes a moment to answer: the kills land while calls are in flight.
                try await Task.sleep(for: .milliseconds(4))
                let count = self.calls.withLock { calls in
                    calls[to, default: 0] += 1
                    return calls.values.reduce(0, +)
                }
                let answer = #"{"sid": "SM\#(String(format: "%032d", count))", "status": "queued", "to": "\#(to)"}"#
                return Response(
                    status: .created, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: answer)))
            }
            return router
        }
    }

    @Test(.timeLimit(.minutes(8))) func aKilledWorkerResendsAtMostOneMessagePerKill() async throws {
        _ = try #require(ServeProcess.executable, "build the package first (`swift build`): .build/debug/autopilot is missing")
        let directory = try ScratchDirectory.make("autopilot-worker-kill")
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: directory) } }
        let database = directory.appendingPathComponent("shop.sqlite").path
        let log = directory.appendingPathComponent("worker.log")
        let created = try JSONParser.parse(try ServeProcess.run(["tenants", "create", "Kill test shop", "--database", database, "--json"]))
        let tenantID = try #require(created["tenant_id"]?.stringValue)

        let store = SQLStore(database: try SQLiteDatabase(path: database))
        let now = Date()
        let events: [JSONValue] = (0..<Self.orders).map { index in
            [
                "type": "order.placed", "occurred_at": .string(Timestamp.format(now)), "idempotency_key": .string("order-\(index)"),
                "contact": ["email": .string("buyer\(index)@example.com"), "phone": .string("+336" + String(format: "%08d", 20_000_000 + index))],
                "properties": [
                    "order_id": .string("O-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR",
                ],
            ]
        }
        let pipeline = IngestPipeline(dependencies: Dependencies(store: store))
        for first in stride(from: 0, to: events.count, by: 500) {
            _ = try await pipeline.ingest(document: ["events": .array(Array(events[first..<min(first + 500, events.count)]))], tenantID: tenantID)
        }

        let twilio = FakeTwilio()
        let (calls, kills, outbox) = try await LoopbackHTTP.serve(twilio.router, label: "twilio") { port in
            let environment = [
                "TWILIO_ACCOUNT_SID": "AC0123", "TWILIO_AUTH_TOKEN": "secret", "TWILIO_FROM": "+33700000000",
                "TWILIO_BASE_URL": "http://127.0.0.1:\(port)",
                // Messages a killed worker had claimed come back after the lease: seconds here, a minute by default.
                "AUTOPILOT_WORKER_LEASE_SECONDS": "2", "AUTOPILOT_NIGHTLY_SCORING_HOUR": "off",
            ]
            var worker = try ServeProcess.worker(database: database, log: log, environment: environment)
            var kills = 0
            // Kill once every few dozen calls, each time the worker is in the middle of sending.
            let step = max(Self.orders / (Self.kills + 2), 1)
            var target = step
            let killDeadline = ContinuousClock.now + .seconds(240)
            while kills < Self.kills, ContinuousClock.now < killDeadline, twilio.total < Self.orders {
                if twilio.total >= target {
                    ServeProcess.kill9(worker)
                    kills += 1
                    target = twilio.total + step
                    worker = try ServeProcess.worker(database: database, log: log, environment: environment)
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            var outbox: [String: Int] = [:]
            let deadline = ContinuousClock.now + .seconds(180)
            while ContinuousClock.now < deadline {
                let messages = try await store.outboxMessages(tenantID: tenantID, contactID: nil, limit: 100_000)
                outbox = Dictionary(grouping: messages.filter { $0.message.flowID == "order-confirmation-sms" }, by: \.message.status.rawValue)
                    .mapValues(\.count)
                if outbox["sent"] == Self.orders { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            ServeProcess.kill9(worker)
            return (twilio.calls.withLock { $0 }, kills, outbox)
        }

        if ProcessInfo.processInfo.environment["KEEP"] != nil {
            print("kills \(kills), provider calls \(calls.values.reduce(0, +)) for \(calls.count) numbers, outbox \(outbox)")
        }
        #expect(kills >= Self.kills / 2, "the worker was killed \(kills) times during dispatch")
        #expect(outbox == ["sent": Self.orders], "order confirmations by status: \(outbox)")
        #expect(calls.count == Self.orders, "every buyer's number reached the provider")
        let total = calls.values.reduce(0, +)
        let repeated = total - calls.count
        #expect(repeated <= kills, "\(total) provider calls for \(Self.orders) messages: \(repeated) repeats after \(kills) kills")
        #expect(calls.values.allSatisfy { $0 <= 2 }, "no message reached the provider three times")
    }
}

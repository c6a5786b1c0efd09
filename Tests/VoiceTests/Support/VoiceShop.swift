import AsyncHTTPClient
import AutopilotCore
import Engine
import Foundation
import Integrations
import Logging
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle
import Storage
import TestSupport
import Voice

/// Two shops on one store, each with its Twilio webhook token: tenant A "Atelier Lumen" knows Amina (+33 6 12 34 56 78,
/// French) and her order A-1001 (shipped, Colissimo 6A123); tenant B "Brûlerie Nord" has its own order B-2001.
struct VoiceShop: Sendable {
    static let now = Timestamp.parse("2026-03-10T10:00:00Z")!
    static let tokenA = "voice-token-a-0123456789abcdef"
    static let secretA = "twilio-auth-token-tenant-a"
    static let tokenB = "voice-token-b-0123456789abcdef"
    static let secretB = "twilio-auth-token-tenant-b"
    static let amina = "+33612345678"

    let store: SQLStore
    let dependencies: Dependencies
    let clock: ManualClock
    let tenantA: String
    let tenantB: String
    let apiKeyA: String
    let apiKeyB: String

    static func seed(_ store: SQLStore) async throws -> VoiceShop {
        var logger = Logger(label: "voice-test")
        logger.logLevel = .critical
        let clock = ManualClock(now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 11), logger: logger)
        let tenants = TenantService(dependencies: dependencies)
        let a = try await tenants.create(name: "Atelier Lumen")
        let b = try await tenants.create(name: "Brûlerie Nord")
        try await store.saveWebhookEndpoint(WebhookEndpoint(tenantID: a.tenantID, provider: "twilio", token: tokenA, secret: secretA, createdAt: now))
        try await store.saveWebhookEndpoint(WebhookEndpoint(tenantID: b.tenantID, provider: "twilio", token: tokenB, secret: secretB, createdAt: now))
        let pipeline = IngestPipeline(dependencies: dependencies)
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    event(
                        "contact.created", "a-c1", contact: ["email": "amina@lumen.example", "phone": .string(amina)],
                        ["first_name": "Amina", "locale": "fr", "timezone": "Europe/Paris", "consents": ["email": true, "sms": true]]),
                    event(
                        "order.placed", "a-o1", contact: ["email": "amina@lumen.example"],
                        ["order_id": "A-1001", "lines": [["sku": "LUM-LAMP-01", "quantity": 1, "price": 89.0]], "total": 89.0, "currency": "EUR"]),
                    event(
                        "order.fulfilled", "a-o1-f", contact: ["email": "amina@lumen.example"],
                        ["order_id": "A-1001", "tracking_number": "6A123", "carrier": "Colissimo", "tracking_url": "https://track.example/6A123"]),
                ]
            ], tenantID: a.tenantID)
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    event(
                        "order.placed", "b-o1", contact: ["email": "zoe@nord.example", "phone": "+33698765432"],
                        ["order_id": "B-2001", "lines": [["sku": "NORD-CAFE", "quantity": 2, "price": 12.0]], "total": 24.0, "currency": "EUR"])
                ]
            ], tenantID: b.tenantID)
        return VoiceShop(
            store: store, dependencies: dependencies, clock: clock, tenantA: a.tenantID, tenantB: b.tenantID, apiKeyA: a.apiKey, apiKeyB: b.apiKey)
    }

    static func event(_ type: String, _ key: String, contact: JSONValue, _ properties: JSONValue) -> JSONValue {
        ["type": .string(type), "occurred_at": "2026-03-05T10:00:00Z", "idempotency_key": .string(key), "contact": contact, "properties": properties]
    }

    var log: VoiceCallLog { VoiceCallLog(database: store.database) }

    /// Serves the real application (dashboard off) with these voice settings while `body` runs with the port.
    func serving<Result: Sendable>(_ voice: VoiceSettings, _ body: @Sendable (Int) async throws -> Result) async throws -> Result {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.dashboardEnabled = false
        configuration.voice = voice
        return try await LoopbackHTTP.run(label: "voice-server", { ready, _ in
            buildApplication(configuration: configuration, dependencies: dependencies, databaseName: "test", onServerRunning: { ready($0) })
        }, body)
    }

    /// Twilio's voice webhook for a call from `from`, signed with `secret` (the tenant's auth token).
    static func answer(
        port: Int, token: String = tokenA, secret: String = secretA, callID: String, from: String, to: String = "+33100000000",
        direction: String = "inbound", signature: String? = nil
    ) async throws -> (status: Int, body: String) {
        let url = "http://127.0.0.1:\(port)/v1/voice/twilio/\(token)"
        let fields = [
            FormField(name: "CallSid", value: callID), FormField(name: "From", value: from), FormField(name: "To", value: to),
            FormField(name: "Direction", value: direction), FormField(name: "AccountSid", value: "AC0123"),
        ]
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "X-Twilio-Signature", value: signature ?? TwilioSignature(authToken: secret).sign(url: url, parameters: fields))
        let body = fields.map { "\($0.name)=\(formEscape($0.value))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(180))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    /// A JSON request with a tenant's API key.
    static func api(port: Int, _ method: String, _ path: String, key: String, body: String? = nil) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method == "GET" ? .GET : .POST
        request.headers.add(name: "Authorization", value: "Bearer " + key)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(180))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    static func formEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The `<Stream url>` and its `<Parameter>`s in a TwiML answer.
    static func stream(in twiml: String) -> (url: String, parameters: [String: String])? {
        guard let urlRange = twiml.range(of: #"<Stream url=""#) else { return nil }
        let rest = twiml[urlRange.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        var parameters: [String: String] = [:]
        var scan = twiml[...]
        while let start = scan.range(of: #"<Parameter name=""#) {
            let afterName = scan[start.upperBound...]
            guard let nameEnd = afterName.firstIndex(of: "\""), let valueStart = afterName.range(of: #"value=""#) else { break }
            let afterValue = afterName[valueStart.upperBound...]
            guard let valueEnd = afterValue.firstIndex(of: "\"") else { break }
            parameters[String(afterName[..<nameEnd])] = String(afterValue[..<valueEnd]).replacingOccurrences(of: "&amp;", with: "&")
            scan = afterValue[valueEnd...]
        }
        return (String(rest[..<end]), parameters)
    }

    /// Waits (up to two minutes: a loaded machine) until the call's row has left `in_progress` (the recording runs after the stream closed).
    func endedCall(_ callID: String, tenantID: String) async throws -> VoiceCallRecord? {
        for _ in 0..<4_800 {
            if let call = try await log.call(callID, tenantID: tenantID), call.status != .inProgress { return call }
            try await Task.sleep(for: .milliseconds(25))
        }
        return try await log.call(callID, tenantID: tenantID)
    }
}

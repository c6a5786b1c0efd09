import AutopilotCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite("HTTP API — access, tenants, limits")
struct AccessAPITests {
    @Test func aMissingOrWrongKeyIs401() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let missing = try await client.execute(uri: "/v1/events", method: .get)
            #expect(missing.status == .unauthorized)
            #expect(try APITestHarness.json(missing)["error"]?["code"] == "unauthorized")
            let wrong = try await client.execute(uri: "/v1/events", method: .get, headers: [.authorization: "Bearer ap_nottherightkey"])
            #expect(wrong.status == .unauthorized)
        }
    }

    @Test func aTenantCannotSeeAnotherTenantsObjects() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            _ = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(Fixtures.orderPlaced))
            let mine = try APITestHarness.json(
                try await client.execute(uri: "/v1/contacts?email=A@example.com", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            let contactID = try #require(mine["contacts"]?.arrayValue?.first?["id"]?.stringValue)
            let detail = try await client.execute(uri: "/v1/contacts/\(contactID)", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(detail.status == .ok)
            let body = try APITestHarness.json(detail)
            #expect(body["orders"]?.arrayValue?.first?["order_id"] == "1001")
            #expect(body["recent_events"]?.arrayValue?.count == 1)
            let order = try await client.execute(uri: "/v1/orders/1001", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(order)["total"] == 48)

            let theirs = try await client.execute(uri: "/v1/contacts/\(contactID)", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(theirs.status == .notFound)
            #expect(try APITestHarness.json(theirs)["error"]?["code"] == "not_found")
            let theirOrder = try await client.execute(uri: "/v1/orders/1001", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(theirOrder.status == .notFound)
            let theirSearch = try APITestHarness.json(
                try await client.execute(uri: "/v1/contacts?email=a@example.com", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(theirSearch["contacts"]?.arrayValue?.isEmpty == true)
            let theirEvents = try APITestHarness.json(
                try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(theirEvents["events"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func theRateLimitAnswers429WithRetryAfter() async throws {
        let harness = try await APITestHarness.make {
            $0.rateLimitPerSecond = 1
            $0.rateLimitBurst = 2
        }
        try await harness.app.test(.router) { client in
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.firstKey))
                #expect(response.status == .ok)
            }
            let limited = try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            let other = try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(other.status == .ok)
            harness.clock.advance(by: 1)
            let later = try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(later.status == .ok)
        }
    }

    @Test func healthMetricsAndSecurityHeaders() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let report = try APITestHarness.json(health)
            #expect(report["status"] == "ok")
            #expect(report["migrations"]?["status"] == "ok")
            #expect(health.headers[.xContentTypeOptions] == "nosniff")
            #expect(health.headers[.contentSecurityPolicy] != nil)
            _ = try await client.execute(uri: "/v1/events", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: metrics.body)
            #expect(text.contains("autopilot_http_requests_total{route=\"/v1/events\",method=\"GET\",status=\"401\"} 1"))
            #expect(text.contains("autopilot_http_request_duration_seconds_bucket"))
            let unknown = try await client.execute(uri: "/nowhere", method: .get)
            #expect(unknown.status == .notFound)
            #expect(try APITestHarness.json(unknown)["error"]?["code"] == "not_found")
        }
    }

    @Test func metricsCanBeSwitchedOff() async throws {
        let harness = try await APITestHarness.make { $0.metricsEnabled = false }
        try await harness.app.test(.router) { client in
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .notFound)
        }
    }
}

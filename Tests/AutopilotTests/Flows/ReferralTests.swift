import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

@Suite("Flow engine — referrals")
struct ReferralTests {
    static func order(_ id: String, email: String, at: String, total: Double, codes: [String] = []) -> JSONValue {
        var properties: JSONObject = [
            "order_id": .string(id), "lines": [["sku": "TEA-01", "quantity": 1, "price": .double(total)]], "total": .double(total), "currency": "EUR",
        ]
        if !codes.isEmpty { properties["discount_codes"] = .array(codes.map { ["code": .string($0)] }) }
        return Fixtures.envelope("order.placed", at: at, key: "order-\(id)", contact: ["email": .string(email)], properties: .object(properties))
    }

    static func contact(_ email: String, name: String, at: String) -> JSONValue {
        Fixtures.envelope(
            "contact.created", at: at, key: "contact-\(email)", contact: ["email": .string(email)],
            properties: ["first_name": .string(name), "locale": "en", "timezone": "Europe/Paris", "consents": ["email": true]])
    }

    @Test func aFriendsFirstOrderWithTheCodeRewardsBothOnce() async throws {
        let shop = try await TestShop.make(at: Fixtures.date("2026-03-02T09:00:00Z"), seed: 11)
        let (store, clock, dependencies, tenantID) = (shop.store, shop.clock, shop.dependencies, shop.tenantID)
        let simulator = FlowSimulator(worker: try TestWorker.make(dependencies), clock: clock)
        _ = try await simulator.run(
            events: [
                Self.contact("alice@example.com", name: "Alice", at: "2026-03-02T09:00:00Z"),
                Self.order("A1", email: "alice@example.com", at: "2026-03-02T10:00:00Z", total: 30),
                Self.order("A2", email: "alice@example.com", at: "2026-03-03T10:00:00Z", total: 40),
            ], tenantID: tenantID, until: Fixtures.date("2026-03-08T00:00:00Z"))
        let invited = try await ReferralReport.load(store: store, tenantID: tenantID)
        let code = try #require(invited.referrers.first?.code)
        #expect(invited.referrers.first?.contact == "alice@example.com")
        #expect(code.hasPrefix("REF-"))

        _ = try await simulator.run(
            events: [
                Self.contact("zoe@example.com", name: "Zoé", at: "2026-03-08T09:00:00Z"),
                Self.order("Z1", email: "zoe@example.com", at: "2026-03-08T12:00:00Z", total: 55, codes: [code.lowercased()]),
                Self.order("A3", email: "alice@example.com", at: "2026-03-08T13:00:00Z", total: 20, codes: [code]),  // her own code: nothing
                Self.order("Z2", email: "zoe@example.com", at: "2026-03-09T12:00:00Z", total: 25, codes: [code]),  // not a first order
                Self.order("B1", email: "bob@example.com", at: "2026-03-09T12:00:00Z", total: 25, codes: ["REF-NOTREAL"]),
            ], tenantID: tenantID, until: Fixtures.date("2026-03-10T00:00:00Z"))

        let report = try await ReferralReport.load(store: store, tenantID: tenantID)
        #expect(report.codes == 1)
        #expect(report.conversions == 1)
        #expect(report.revenue == 55)
        let referred = try #require(report.referrers.first?.referred.first)
        #expect(referred.contact == "zoe@example.com")
        #expect(referred.orderID == "Z1")
        #expect(referred.referrerReward.hasPrefix("RWD-") && referred.referredReward.hasPrefix("RWD-"))
        #expect(referred.referrerReward != referred.referredReward)

        let rewards = try await FlowQueries(store: store).messages(tenantID: tenantID).filter { $0.template == "referral-reward" }
        #expect(rewards.count == 2)
        #expect(rewards.allSatisfy { $0.status == "sent" })
        let alice = try #require(rewards.first { $0.contact == "alice@example.com" })
        #expect(alice.body?.contains(referred.referrerReward) == true)
        #expect(alice.body?.contains("Thanks to Zoé") == true)
        let zoe = try #require(rewards.first { $0.contact == "zoe@example.com" })
        #expect(zoe.body?.contains(referred.referredReward) == true)
    }
}

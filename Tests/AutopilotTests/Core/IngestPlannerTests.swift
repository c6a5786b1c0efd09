import AutopilotCore
import Foundation
import Testing

@Suite("Event → entity projection")
struct IngestPlannerTests {
    let ids = SeededIDGenerator(seed: 1)

    func plan(_ events: [IncomingEvent], snapshot: IngestSnapshot = IngestSnapshot()) -> IngestPlan {
        IngestPlanner.plan(events, snapshot: snapshot, ids: ids, receivedAt: Fixtures.now)
    }

    @Test func anOrderCreatesTheContactTheOrderAndConvertsTheOpenCart() throws {
        let plan = plan([
            try Fixtures.event("cart.updated", at: "2026-03-01T09:00:00Z", properties: ["cart_id": "k1", "value": 48, "currency": "EUR"]),
            try Fixtures.event(
                "order.placed",
                properties: ["order_id": "1001", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24]], "total": 48, "currency": "EUR"]),
        ])
        #expect(plan.contacts.count == 1)
        #expect(plan.contacts[0].ordersCount == 1 && plan.contacts[0].totalSpent == 48)
        #expect(plan.orders.map(\.status) == [.placed])
        #expect(plan.carts.map(\.status) == [.converted])
        #expect(plan.carts[0].orderExternalID == "1001")
        #expect(plan.orderLines.count == 1)
        #expect(plan.events.count == 2 && plan.events.allSatisfy { $0.contactID == plan.contacts[0].id })
    }

    @Test func anAbandonedCartThatIsOrderedIsRecovered() throws {
        let plan = plan([
            try Fixtures.event("cart.updated", at: "2026-03-01T08:00:00Z", properties: ["cart_id": "k1", "value": 10, "currency": "EUR"]),
            try Fixtures.event("cart.abandoned", at: "2026-03-01T09:00:00Z", properties: ["cart_id": "k1"]),
            try Fixtures.event("order.placed", properties: ["order_id": "7", "cart_id": "k1", "lines": [], "total": 10, "currency": "EUR"]),
        ])
        #expect(plan.carts.first?.status == .recovered)
        #expect(plan.carts.first?.abandonedAt == Fixtures.date("2026-03-01T09:00:00Z"))
    }

    @Test func orderStatusesMoveForwardWithTheirTimes() throws {
        let plan = plan([
            try Fixtures.event("order.placed", properties: ["order_id": "1", "lines": [], "total": 100, "currency": "EUR"]),
            try Fixtures.event(
                "order.fulfilled", at: "2026-03-02T10:00:00Z", properties: ["order_id": "1", "tracking_number": "T1", "carrier": "DHL"]),
            try Fixtures.event("order.delivered", at: "2026-03-04T10:00:00Z", properties: ["order_id": "1"]),
            try Fixtures.event("order.refunded", at: "2026-03-05T10:00:00Z", properties: ["order_id": "1", "amount": 30]),
        ])
        let order = try #require(plan.orders.first)
        #expect(order.status == .delivered)
        #expect(order.trackingNumber == "T1")
        #expect(order.deliveredAt == Fixtures.date("2026-03-04T10:00:00Z"))
        #expect(order.refundedAmount == 30)
        #expect(plan.contacts.first?.totalSpent == 70)
    }

    @Test func cancellingAnOrderTakesItOutOfTheTotals() throws {
        let plan = plan([
            try Fixtures.event("order.placed", properties: ["order_id": "1", "lines": [], "total": 100, "currency": "EUR"]),
            try Fixtures.event("order.cancelled", at: "2026-03-02T10:00:00Z", properties: ["order_id": "1"]),
        ])
        #expect(plan.orders.first?.status == .cancelled)
        #expect(plan.contacts.first?.ordersCount == 0)
        #expect(plan.contacts.first?.totalSpent == 0)
    }

    @Test func identifiersSeenTogetherLinkToOneContact() throws {
        let plan = plan([
            try Fixtures.event("contact.created", contact: ["email": "a@example.com"]),
            try Fixtures.event("contact.updated", at: "2026-03-02T10:00:00Z", contact: ["email": "a@example.com", "phone": "+33612345678"]),
            try Fixtures.event("message.replied", at: "2026-03-03T10:00:00Z", contact: ["phone": "+33612345678"], properties: ["channel": "sms"]),
        ])
        #expect(plan.contacts.count == 1)
        #expect(plan.contacts[0].phone == "+33612345678")
        #expect(Set(plan.events.map(\.contactID)) == [plan.contacts[0].id])
    }

    @Test func anExistingContactIsFoundByAnyIdentifier() throws {
        var snapshot = IngestSnapshot()
        var known = ContactRecord(id: "ct_known", createdAt: Fixtures.date("2025-01-01T00:00:00Z"))
        known.externalID = "c-1"
        snapshot.contacts = [known]
        let plan = plan(
            [try Fixtures.event("wishlist.added", contact: ["external_id": "c-1", "email": "new@example.com"], properties: ["sku": "X"])],
            snapshot: snapshot)
        #expect(plan.contacts.map(\.id) == ["ct_known"])
        #expect(plan.contacts[0].email == "new@example.com")
        #expect(plan.wishlist.map(\.contactID) == ["ct_known"])
    }

    @Test func unsubscribingWithdrawsConsentWithTimeAndSource() throws {
        let plan = plan([
            try Fixtures.event("contact.created", properties: ["consents": ["email": true, "sms": true]]),
            try Fixtures.event("contact.unsubscribed", at: "2026-03-05T10:00:00Z", properties: ["channel": "sms"]),
        ])
        let consents = try #require(plan.contacts.first?.consents)
        #expect(consents[.email]?.granted == true)
        #expect(consents[.sms] == ConsentState(granted: false, at: Fixtures.date("2026-03-05T10:00:00Z"), source: "contact.unsubscribed"))
    }

    @Test func messageEventsBuildTheTimeline() throws {
        let plan = plan([
            try Fixtures.event("message.sent", properties: ["message_id": "m1", "channel": "email", "template": "welcome"]),
            try Fixtures.event("message.opened", at: "2026-03-01T11:00:00Z", properties: ["message_id": "m1", "channel": "email"]),
            try Fixtures.event("message.delivered", at: "2026-03-01T10:30:00Z", properties: ["message_id": "m1", "channel": "email"]),
            try Fixtures.event("message.replied", at: "2026-03-01T12:00:00Z", properties: ["message_id": "m1", "channel": "email", "text": "Merci"]),
        ])
        let message = try #require(plan.messages.first)
        #expect(message.origin == "external")
        #expect(message.status == .replied)
        #expect(message.openedAt == Fixtures.date("2026-03-01T11:00:00Z"))
        #expect(message.deliveredAt == Fixtures.date("2026-03-01T10:30:00Z"))
        #expect(plan.messageEvents.count == 4)
    }

    @Test func duplicateKeysAreNoOpsWithinAndAcrossBatches() throws {
        var snapshot = IngestSnapshot()
        snapshot.existingKeys = ["old": "ev_old"]
        let plan = plan(
            [
                try Fixtures.event("wishlist.added", key: "old", properties: ["sku": "A"]),
                try Fixtures.event("wishlist.added", key: "new", properties: ["sku": "B"]),
                try Fixtures.event("wishlist.added", key: "new", properties: ["sku": "C"]),
            ], snapshot: snapshot)
        #expect(plan.events.count == 1)
        #expect(plan.wishlist.map(\.sku) == ["B"])
        guard case .accepted(let id) = plan.outcomes[1] else { Issue.record("second event not accepted"); return }
        #expect(plan.outcomes == [.duplicate(existingEventID: "ev_old"), .accepted(eventID: id), .duplicate(existingEventID: id)])
    }

    @Test func priceChangesRememberThePreviousPrice() throws {
        let plan = plan([
            try Fixtures.event("product.updated", contact: nil, properties: ["sku": "TEA-01", "title": "Thé vert", "price": 24, "currency": "EUR"]),
            try Fixtures.event("product.price_changed", contact: nil, properties: ["sku": "TEA-01", "new_price": 19.9]),
        ])
        #expect(plan.products.first?.price == 19.9)
        #expect(plan.products.first?.previousPrice == 24)
        #expect(plan.events.allSatisfy { $0.contactID == nil })
    }
}

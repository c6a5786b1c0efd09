import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("Shopify webhooks — deliveries and catalog")
struct ShopifyCatalogTranslatorTests {
    @Test func aDeliveredFulfillmentEventIsTheOrdersDeliveryAtTheCarriersTime() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("fulfillment_events/create", ShopifyCatalogSamples.fulfillmentEventDelivered)).first)
        #expect(event.type == .orderDelivered)
        #expect(event.occurredAt == Timestamp.parse("2026-03-05T13:32:00Z"))
        #expect(event.idempotencyKey == "shopify:order.delivered:255858046")
        #expect(event.contact == ContactIdentifiers(externalID: "shopify:order:5834120937572"), "resolved to the buyer by the engine")
        #expect(event.properties["order_id"] == "5834120937572")
    }

    @Test func otherFulfillmentEventsCarryNothing() {
        let outcome = Deliveries.shopify("fulfillment_events/create", ShopifyCatalogSamples.fulfillmentEventInTransit)
        #expect(Deliveries.ignoredCode(outcome) == "status_without_event")
    }

    @Test func aFulfillmentWhoseShipmentIsDeliveredNamesItsBuyerAndSharesTheKey() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("fulfillments/update", ShopifyCatalogSamples.fulfillmentDelivered)).first)
        #expect(event.type == .orderDelivered)
        #expect(event.occurredAt == Timestamp.parse("2026-03-05T13:40:00Z"))
        #expect(event.idempotencyKey == "shopify:order.delivered:255858046", "the same parcel reported by both topics is recorded once")
        #expect(event.contact == ContactIdentifiers(email: "camille.martin@example.fr", phone: "+33612345678"))
        #expect(event.properties["carrier"] == "Colissimo")
        let shipped = ShopifyCatalogSamples.fulfillmentDelivered.replacingOccurrences(of: #""shipment_status": "delivered""#, with: #""shipment_status": "in_transit""#)
        #expect(Deliveries.ignoredCode(Deliveries.shopify("fulfillments/update", shipped)) == "status_without_event")
    }

    @Test func aProductUpdateIsOneCatalogEventPerVariant() throws {
        let events = Deliveries.validated(Deliveries.shopify("products/update", ShopifyCatalogSamples.productUpdated))
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.type == .productUpdated && $0.contact == nil })
        guard case .productUpdated(let first) = events[0].payload, case .productUpdated(let second) = events[1].payload else {
            Issue.record("not product updates")
            return
        }
        #expect(first.sku == "TEA-01")
        #expect(first.title == "Thé vert Sencha — 100 g")
        #expect(first.price == 19.90)
        #expect(first.inStock == true)
        #expect(second.sku == "shopify-variant:44012345678902")
        #expect(second.inStock == false)
        #expect(events[0].idempotencyKey == "shopify:product.updated:44012345678901:2026-03-06T08:00:00Z")
    }
}

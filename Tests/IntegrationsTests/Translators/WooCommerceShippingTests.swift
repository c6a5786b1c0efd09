import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("WooCommerce webhooks — shipping address for dropshipping")
struct WooCommerceShippingTests {
    @Test func anOrdersShippingAddressIsCarriedInShopifysFieldNames() throws {
        let body = WooCommerceSamples.orderCreated.replacingOccurrences(
            of: #""shipping": {"first_name": "Youssef", "last_name": "Alami", "phone": ""}"#,
            with: #"""
                "shipping": {"first_name": "Youssef", "last_name": "Alami", "company": "", "address_1": "12 rue Ibn Batouta",
                             "address_2": "Apt 4", "city": "Casablanca", "state": "CAS", "postcode": "20250", "country": "ma", "phone": ""}
                """#)
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("order.created", body)).first)
        let address = try #require(event.properties["shipping_address"])
        #expect(address["address1"] == "12 rue Ibn Batouta" && address["address2"] == "Apt 4")
        #expect(address["city"] == "Casablanca" && address["zip"] == "20250" && address["province"] == "CAS")
        #expect(address["country_code"] == "MA")
        #expect(address["phone"] == "+212 6 61 23 45 67", "the billing phone when the shipping one is empty")
        #expect(address["company"] == nil)
    }

    @Test func anOrderWithoutAShippingAddressCarriesNone() throws {
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("order.created", WooCommerceSamples.orderCreated)).first)
        #expect(event.properties["shipping_address"] == nil)
    }
}

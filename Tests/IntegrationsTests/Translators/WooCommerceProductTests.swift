import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("WooCommerce webhooks — the catalog")
struct WooCommerceProductTests {
    static let product = """
        {"id": 799, "name": "Bougie parfumée vanille", "slug": "bougie-vanille", "permalink": "https://boutique.example/produit/bougie-vanille/",
         "date_modified_gmt": "2026-03-02T09:30:00", "status": "publish", "sku": "CANDLE-VAN", "price": "19.90", "regular_price": "24.00",
         "sale_price": "19.90", "stock_status": "instock", "stock_quantity": 12}
        """

    @Test func aPublishedProductIsAProductUpdate() throws {
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("product.updated", Self.product)).first)
        #expect(event.type == .productUpdated)
        #expect(event.properties["sku"] == "CANDLE-VAN" && event.properties["title"] == "Bougie parfumée vanille")
        #expect(event.properties["price"] == 19.9, "the current price, the sale included")
        #expect(event.properties["in_stock"] == true && event.properties["product_id"] == "799")
        #expect(event.properties["url"] == "https://boutique.example/produit/bougie-vanille/")
    }

    @Test func aProductWithoutSKUIsNamedByItsIDAndOutOfStockIsSaid() throws {
        let body = Self.product.replacingOccurrences(of: #""sku": "CANDLE-VAN""#, with: #""sku": """#)
            .replacingOccurrences(of: #""stock_status": "instock""#, with: #""stock_status": "outofstock""#)
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("product.created", body)).first)
        #expect(event.properties["sku"] == "woocommerce-product:799" && event.properties["in_stock"] == false)
    }

    @Test func aDraftSaysNothing() {
        let body = Self.product.replacingOccurrences(of: #""status": "publish""#, with: #""status": "draft""#)
        #expect(Deliveries.ignoredCode(Deliveries.wooCommerce("product.updated", body)) == "status_without_event")
    }
}

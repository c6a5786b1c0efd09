import AutopilotCore
import Engine
import Foundation
import Integrations
import Testing

@Suite("Dropshipping — routing by SKU prefix")
struct SupplierRoutingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [OrderLine]
        var cj: [String]
        var bigbuy: [String]
        var unroutable: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "mixed order", lines: [line("CJ-A1", 2), line("BB-V100", 1), line("cjds-Z9", 3)], cj: ["A1", "Z9"], bigbuy: ["V100"],
            unroutable: []),
        Case(
            name: "every default prefix", lines: [line("CJDS-X", 1), line("CJD-Y", 1), line("BIGBUY-R", 1)], cj: ["X", "Y"], bigbuy: ["R"],
            unroutable: []),
        Case(name: "unknown prefix", lines: [line("TEA-01", 1), line("CJ-A", 1)], cj: ["A"], bigbuy: [], unroutable: ["TEA-01"]),
        Case(name: "empty SKU", lines: [line("  ", 1)], cj: [], bigbuy: [], unroutable: ["  "]),
        Case(name: "prefix alone", lines: [line("BB-", 1)], cj: [], bigbuy: [], unroutable: ["BB-"]),
        Case(name: "zero quantity", lines: [line("CJ-A", 0), line("BB-B", 4)], cj: [], bigbuy: ["B"], unroutable: ["CJ-A"]),
        Case(name: "no lines", lines: [], cj: [], bigbuy: [], unroutable: []),
    ]

    static func line(_ sku: String, _ quantity: Int) -> OrderLine { OrderLine(sku: sku, quantity: quantity, price: 10) }

    @Test(arguments: cases)
    func splitsPerSupplier(_ example: Case) {
        let decision = OrderRouter.route(example.lines, routing: .defaults)
        #expect(decision.lines(for: .cj).map(\.reference) == example.cj)
        #expect(decision.lines(for: .bigbuy).map(\.reference) == example.bigbuy)
        #expect(decision.unroutable.map(\.sku) == example.unroutable)
        #expect(decision.supplierOrders.allSatisfy { !$0.lines.isEmpty })
    }

    @Test func keepsQuantitiesAndNamesTheReason() {
        let decision = OrderRouter.route([Self.line("CJ-A", 5), Self.line("ZZ-1", 2)], routing: .defaults)
        #expect(decision.lines(for: .cj) == [SupplierLine(sku: "CJ-A", reference: "A", quantity: 5, price: 10)])
        let unroutable = try? #require(decision.unroutable.first)
        #expect(unroutable?.quantity == 2)
        #expect(unroutable?.reason.contains("no supplier prefix matches ZZ-1") == true)
    }

    @Test func readsTheConfiguredTable() throws {
        let routing = try SupplierRouting.parse("CJ-, CJD- = cj; BB-,BIGBUY-,CJ-EU-=bigbuy; DS-=CJdropshipping")
        #expect(routing.rule(forSKU: "ds-123")?.supplier == .cj)
        #expect(routing.rule(forSKU: "BIGBUY-9")?.supplier == .bigbuy)
        #expect(routing.rule(forSKU: "cj-eu-9")?.supplier == .bigbuy, "the longest prefix wins")
        #expect(routing.rule(forSKU: "CJ-9")?.supplier == .cj)
        #expect(routing.rule(forSKU: "XX-1") == nil)
    }

    @Test(arguments: ["", "CJ-", "CJ-=aliexpress", "CJ-=cj; CJ-=bigbuy", " , =cj"])
    func refusesABadTable(_ text: String) {
        #expect(throws: ConfigurationError.self) { try SupplierRouting.parse(text) }
    }

    @Test func readsTheEnvironment() throws {
        let settings = try DropshippingSettings.fromEnvironment([
            "CJ_ACCESS_TOKEN": "cj-token", "AUTOPILOT_SUPPLIER_PREFIXES": "X-=bigbuy", "AUTOPILOT_DROPSHIP_POLL_MINUTES": "30",
        ])
        #expect(settings.isEnabled)
        #expect(settings.clients[.cj] != nil && settings.clients[.bigbuy] == nil)
        #expect(settings.routing.rule(forSKU: "x-1")?.supplier == .bigbuy)
        #expect(settings.pollInterval == 1_800)
        #expect(!(try DropshippingSettings.fromEnvironment([:])).isEnabled)
        #expect(throws: ConfigurationError.self) {
            try DropshippingSettings.fromEnvironment(["CJ_ACCESS_TOKEN": "t", "SHOPIFY_SHOP_URL": "https://s.myshopify.com"])
        }
        #expect(try DropshippingSettings.fromEnvironment(["SHOPIFY_SHOP_URL": "s.myshopify.com"]).shopify == nil, "no supplier: not needed")
        let shop = try DropshippingSettings.fromEnvironment([
            "CJ_ACCESS_TOKEN": "t", "SHOPIFY_SHOP_URL": "s.myshopify.com", "SHOPIFY_ACCESS_TOKEN": "x",
        ])
        #expect(shop.shopify?.shopURL == "https://s.myshopify.com")
        #expect(throws: ConfigurationError.self) { try DropshippingSettings.fromEnvironment(["CJ_ACCESS_TOKEN": "t", "CJ_BASE_URL": "ftp://x"]) }
        #expect(throws: ConfigurationError.self) { try DropshippingSettings.fromEnvironment(["CJ_API_KEY": "k", "CJ_PAY_TYPE": "1"]) }
        let paying = try DropshippingSettings.fromEnvironment(["CJ_API_KEY": "k", "CJ_PAY_TYPE": "2"])
        #expect((paying.clients[.cj] as? CJClient)?.payType == 2)
    }

    @Test func aMissingAddressFieldIsNamed() {
        let object: JSONObject = ["name": "Ana Lima", "address1": "1 rue Haute", "country_code": "FR"]
        #expect(throws: SupplierError(code: "missing_shipping_field", message: "shipping_address.city is missing or empty")) {
            try ShippingAddress.read(object, fallbackPhone: nil)
        }
        #expect(throws: SupplierError.self) { try ShippingAddress.read(nil, fallbackPhone: nil) }
        let full: JSONObject = [
            "first_name": "Ana", "last_name": "Lima", "address1": "1 rue Haute", "city": "Lyon", "country_code": "fr", "zip": "69001",
        ]
        let address = try? ShippingAddress.read(full, fallbackPhone: "+33600000000")
        #expect(address?.countryCode == "FR")
        #expect(address?.phone == "+33600000000")
        #expect(address?.name == "Ana Lima")
    }

    @Test func backoffDoublesUpToTheCeiling() {
        let settings = DropshippingSettings()
        #expect([1, 2, 3, 10].map(settings.backoff(afterAttempts:)) == [60, 120, 240, 3_600])
    }
}

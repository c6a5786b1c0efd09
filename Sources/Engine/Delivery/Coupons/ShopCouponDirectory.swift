import AutopilotCore
import Foundation
import Integrations

/// The shop each tenant's coupons are created in: a tenant's own connection, else the process default read from the
/// environment, else none (codes stay in Autopilot, and the message log says so).
public struct ShopCouponDirectory: Sendable {
    /// The default for every tenant without its own (SHOPIFY_* or WOOCOMMERCE_*).
    public var fallback: (any ShopCouponClient)?
    /// Tenants with their own shop.
    public var tenants: [String: any ShopCouponClient]

    public init(fallback: (any ShopCouponClient)? = nil, tenants: [String: any ShopCouponClient] = [:]) {
        self.fallback = fallback
        self.tenants = tenants
    }

    public func client(for tenantID: String) -> (any ShopCouponClient)? {
        tenants[tenantID] ?? fallback
    }

    /// SHOPIFY_SHOP_URL (or a bare `shop.myshopify.com`) with SHOPIFY_ACCESS_TOKEN (scope `write_discounts`), and
    /// SHOPIFY_API_BASE_URL to point elsewhere (tests); or WOOCOMMERCE_URL with WOOCOMMERCE_CONSUMER_KEY and
    /// WOOCOMMERCE_CONSUMER_SECRET. Neither: no shop. Both: refused, a process has one default shop.
    public static func fromEnvironment(_ environment: [String: String], http: SupplierHTTP = SupplierHTTP()) throws -> ShopCouponDirectory {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func url(_ name: String, _ text: String) throws -> String {
            let full = text.contains("://") ? text : "https://" + text
            guard full.hasPrefix("http://") || full.hasPrefix("https://"), URL(string: full)?.host != nil else {
                throw ConfigurationError(variable: name, reason: "\"\(text)\" is not an http(s) URL")
            }
            return full.hasSuffix("/") ? String(full.dropLast()) : full
        }
        var directory = ShopCouponDirectory()
        if let shop = value("SHOPIFY_API_BASE_URL").map({ ("SHOPIFY_API_BASE_URL", $0) }) ?? value("SHOPIFY_SHOP_URL").map({ ("SHOPIFY_SHOP_URL", $0) }),
            let token = value("SHOPIFY_ACCESS_TOKEN")
        {
            directory.fallback = ShopifyDiscounts(shopURL: try url(shop.0, shop.1), accessToken: token, http: http)
        }
        if let site = value("WOOCOMMERCE_URL") {
            guard directory.fallback == nil else {
                throw ConfigurationError(variable: "WOOCOMMERCE_URL", reason: "set with SHOPIFY_SHOP_URL: coupons go to one shop, choose one")
            }
            guard let key = value("WOOCOMMERCE_CONSUMER_KEY") else {
                throw ConfigurationError(variable: "WOOCOMMERCE_CONSUMER_KEY", reason: "required with WOOCOMMERCE_URL (a REST API key with write access)")
            }
            guard let secret = value("WOOCOMMERCE_CONSUMER_SECRET") else {
                throw ConfigurationError(variable: "WOOCOMMERCE_CONSUMER_SECRET", reason: "required with WOOCOMMERCE_URL")
            }
            directory.fallback = WooCommerceCoupons(siteURL: try url("WOOCOMMERCE_URL", site), consumerKey: key, consumerSecret: secret, http: http)
        }
        return directory
    }
}

import AutopilotCore
import Foundation
import Integrations

/// Dropshipping configuration: the SKU routing table, the suppliers with credentials, the storefront to sync tracking to,
/// and the pacing of placement and tracking polls. Disabled (the worker does nothing) until a supplier is configured.
public struct DropshippingSettings: Sendable {
    public var routing = SupplierRouting.defaults
    /// Suppliers with credentials, by supplier.
    public var clients: [Supplier: any SupplierClient] = [:]
    /// Where tracking is synced (SHOPIFY_SHOP_URL + SHOPIFY_ACCESS_TOKEN); nil: only `order.fulfilled` is recorded.
    public var shopify: ShopifyFulfillments?
    /// Where tracking is written back for a WooCommerce shop (WOOCOMMERCE_URL + WOOCOMMERCE_CONSUMER_KEY +
    /// WOOCOMMERCE_CONSUMER_SECRET, when no Shopify store is set): an order note and a Shipment Tracking item.
    public var wooCommerce: WooCommerceTracking?
    /// CJ_BASE_URL and BIGBUY_BASE_URL, kept for tenants who bring their own key (nil: the suppliers' own addresses).
    public var cjBaseURL: String?
    public var bigbuyBaseURL: String?
    /// How often a placed order's tracking is polled (AUTOPILOT_DROPSHIP_POLL_MINUTES, default 60).
    public var pollInterval: TimeInterval = 3_600
    /// The first retry delay after a transient failure, doubled per attempt up to `maximumRetryDelay`.
    public var retryDelay: TimeInterval = 60
    public var maximumRetryDelay: TimeInterval = 3_600
    /// Attempts before a supplier order is failed for good and the team told.
    public var maximumAttempts = 8
    /// Orders older than this when first seen are not sent to suppliers (turning dropshipping on never reships history).
    public var maximumOrderAge: TimeInterval = 7 * 86_400
    /// How long a claimed supplier order stays with one worker.
    public var lease: TimeInterval = 300
    public var batchSize = 100

    public init() {}

    /// True when at least one supplier has credentials.
    public var isEnabled: Bool { !clients.isEmpty }

    /// The delay before attempt `attempts + 1`.
    public func backoff(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 20)))
        return min(maximumRetryDelay, retryDelay * pow(2, exponent))
    }

    /// Reads CJ_ACCESS_TOKEN (or CJ_API_KEY, exchanged for tokens), CJ_BASE_URL, CJ_LOGISTIC_NAME, CJ_FROM_COUNTRY, CJ_PAY_TYPE,
    /// BIGBUY_API_KEY, BIGBUY_BASE_URL, BIGBUY_CARRIER,
    /// BIGBUY_PAYMENT_METHOD, BIGBUY_LANGUAGE, SHOPIFY_SHOP_URL, SHOPIFY_ACCESS_TOKEN, SHOPIFY_API_BASE_URL (tests),
    /// AUTOPILOT_SUPPLIER_PREFIXES, AUTOPILOT_DROPSHIP_POLL_MINUTES. Unset: the defaults, and no supplier.
    public static func fromEnvironment(_ environment: [String: String], http: SupplierHTTP = SupplierHTTP()) throws -> DropshippingSettings {
        var settings = DropshippingSettings()
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func url(_ name: String, given: String? = nil) throws -> String? {
            guard let text = given ?? value(name) else { return nil }
            guard text.hasPrefix("http://") || text.hasPrefix("https://") else {
                throw ConfigurationError(variable: name, reason: "\"\(text)\" must start with http:// or https://")
            }
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        if let prefixes = value("AUTOPILOT_SUPPLIER_PREFIXES") { settings.routing = try SupplierRouting.parse(prefixes) }
        settings.cjBaseURL = try url("CJ_BASE_URL")
        settings.bigbuyBaseURL = try url("BIGBUY_BASE_URL")
        let cjBase = settings.cjBaseURL ?? CJClient.defaultBaseURL
        let cjToken =
            value("CJ_ACCESS_TOKEN").map { CJAccessToken(token: $0) }
            ?? value("CJ_API_KEY").map { CJAccessToken(apiKey: $0, baseURL: cjBase, http: http) }
        if let cjToken {
            var client = CJClient(
                token: cjToken, baseURL: cjBase, logisticName: value("CJ_LOGISTIC_NAME") ?? "CJPacket Ordinary",
                fromCountryCode: value("CJ_FROM_COUNTRY") ?? "CN", http: http)
            if let payType = value("CJ_PAY_TYPE") {
                guard let number = Int(payType), number == 2 || number == 3 else {
                    throw ConfigurationError(variable: "CJ_PAY_TYPE", reason: "\"\(payType)\" is not 2 (pay from the CJ balance) or 3 (pay in CJ)")
                }
                client.payType = number
            }
            settings.clients[.cj] = client
        }
        if let key = value("BIGBUY_API_KEY") {
            settings.clients[.bigbuy] = BigBuyClient(
                apiKey: key, baseURL: try url("BIGBUY_BASE_URL") ?? BigBuyClient.defaultBaseURL, carrier: value("BIGBUY_CARRIER") ?? "standard",
                paymentMethod: value("BIGBUY_PAYMENT_METHOD") ?? "moneybox", language: value("BIGBUY_LANGUAGE") ?? "en", http: http)
        }
        // A bare shop domain (`shop.myshopify.com`) is read as https.
        let shopURL = value("SHOPIFY_SHOP_URL").map { $0.contains("://") ? $0 : "https://" + $0 }
        if let shop = try url("SHOPIFY_API_BASE_URL") ?? url("SHOPIFY_SHOP_URL", given: shopURL) {
            if let token = value("SHOPIFY_ACCESS_TOKEN") {
                settings.shopify = ShopifyFulfillments(shopURL: shop, accessToken: token, http: http)
            } else if settings.isEnabled {
                throw ConfigurationError(
                    variable: "SHOPIFY_ACCESS_TOKEN", reason: "required with SHOPIFY_SHOP_URL to sync dropshipping tracking to Shopify")
            }
        }
        if settings.shopify == nil, let site = try url("WOOCOMMERCE_URL"), let key = value("WOOCOMMERCE_CONSUMER_KEY"),
            let secret = value("WOOCOMMERCE_CONSUMER_SECRET")
        {
            settings.wooCommerce = WooCommerceTracking(siteURL: site, consumerKey: key, consumerSecret: secret, http: http)
        }
        if let minutes = value("AUTOPILOT_DROPSHIP_POLL_MINUTES") {
            guard let number = Double(minutes), number.isFinite, number >= 1, number <= 10_080 else {
                throw ConfigurationError(
                    variable: "AUTOPILOT_DROPSHIP_POLL_MINUTES", reason: "\"\(minutes)\" is not a number of minutes between 1 and 10080")
            }
            settings.pollInterval = number * 60
        }
        return settings
    }
}

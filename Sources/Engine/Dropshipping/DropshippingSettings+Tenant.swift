import AutopilotCore
import Foundation
import Integrations

extension DropshippingSettings {
    /// The process-wide settings with a tenant's own over them (`autopilot settings`, docs/settings.md): its SKU prefixes
    /// (`dropshipping.sku_prefixes`), its supplier keys (`cj.access_token`, `bigbuy.api_key`, secrets) and the shop its
    /// tracking is written back to (`shopify.*` or `woocommerce.*`). A supplier the tenant gives a key to keeps the
    /// process's other choices (base URL, shipping method, carrier); a tenant that sets nothing gets the defaults.
    func overlaid(with shop: ShopSettings, http: SupplierHTTP) -> DropshippingSettings {
        var settings = self
        let values = shop.values
        if let prefixes = values["dropshipping.sku_prefixes"], let routing = try? SupplierRouting.parse(prefixes, variable: "dropshipping.sku_prefixes") {
            settings.routing = routing
        }
        if let token = values["cj.access_token"] {
            var client = (clients[.cj] as? CJClient) ?? CJClient(accessToken: token, baseURL: cjBaseURL ?? CJClient.defaultBaseURL, http: http)
            client.token = CJAccessToken(token: token)
            settings.clients[.cj] = client
        }
        if let key = values["bigbuy.api_key"] {
            var client = (clients[.bigbuy] as? BigBuyClient) ?? BigBuyClient(apiKey: key, baseURL: bigbuyBaseURL ?? BigBuyClient.defaultBaseURL, http: http)
            client.apiKey = key
            settings.clients[.bigbuy] = client
        }
        if let store = values["shopify.shop_url"], let token = values["shopify.access_token"] {
            settings.shopify = ShopifyFulfillments(shopURL: store, accessToken: token, apiVersion: shopify?.apiVersion ?? "2024-10", http: http)
            settings.wooCommerce = nil
        } else if let site = values["woocommerce.url"], let key = values["woocommerce.consumer_key"], let secret = values["woocommerce.consumer_secret"] {
            settings.wooCommerce = WooCommerceTracking(siteURL: site, consumerKey: key, consumerSecret: secret, http: http)
            settings.shopify = nil
        }
        return settings
    }
}

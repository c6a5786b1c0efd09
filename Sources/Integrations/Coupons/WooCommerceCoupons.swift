import AutopilotCore
import Foundation
import NIOHTTP1

/// Creates coupons in a WooCommerce shop through its REST API (`/wp-json/wc/v3/coupons`, HTTP Basic authentication with
/// the consumer key and secret of a key with write access, over HTTPS). `GET ?code=` looks the code up first, so a
/// retry finds the coupon an earlier attempt created; WooCommerce refuses a second coupon with the same code
/// (`woocommerce_rest_coupon_code_already_exists`), which is looked up the same way.
public struct WooCommerceCoupons: ShopCouponClient {
    /// https://shop.example (the WordPress site, WOOCOMMERCE_URL).
    public var siteURL: String
    public var consumerKey: String
    public var consumerSecret: String
    public var http: SupplierHTTP
    public var shop: String { "woocommerce" }

    public init(siteURL: String, consumerKey: String, consumerSecret: String, http: SupplierHTTP = SupplierHTTP()) {
        self.siteURL = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.http = http
    }

    var endpoint: String { siteURL + "/wp-json/wc/v3/coupons" }
    var headers: [(String, String)] { [("Authorization", "Basic " + Data("\(consumerKey):\(consumerSecret)".utf8).base64EncodedString())] }

    public func publish(_ coupon: ShopCoupon) async throws(SupplierError) -> ShopCouponReceipt {
        if let id = try await existing(coupon.code) { return ShopCouponReceipt(shop: shop, id: id, created: false) }
        let created: String?
        do throws(SupplierError) {
            created = try await http.send("woocommerce", method: .POST, url: endpoint, headers: headers, body: Self.body(coupon)).json.text("id")
        } catch {
            guard !error.isTransient else { throw error }
            if error.message.contains("woocommerce_rest_coupon_code_already_exists"), let id = try await existing(coupon.code) {
                return ShopCouponReceipt(shop: shop, id: id, created: false)
            }
            throw SupplierError(code: "woocommerce_coupon_refused", message: "WooCommerce refused the code \(coupon.code): \(error.message)")
        }
        guard let created else {
            throw SupplierError(code: "woocommerce_coupon_refused", message: "WooCommerce answered without a coupon id for \(coupon.code)")
        }
        return ShopCouponReceipt(shop: shop, id: created, created: true)
    }

    /// The id of the coupon with this code, if the shop has one.
    func existing(_ code: String) async throws(SupplierError) -> String? {
        let query = code.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? code
        let answer = try await http.send("woocommerce", method: .GET, url: endpoint + "?code=" + query, headers: headers)
        let match = (answer.json.arrayValue ?? []).first { $0["code"]?.stringValue?.lowercased() == code.lowercased() }
        return match?.text("id")
    }

    /// The coupon as `POST /coupons` takes it: amounts are decimal strings, `date_expires_gmt` is UTC without a zone.
    static func body(_ coupon: ShopCoupon) -> JSONValue {
        var body: JSONObject = [
            "code": .string(coupon.code), "description": .string(coupon.title), "individual_use": true, "exclude_sale_items": false,
        ]
        switch coupon.discount {
        case .percent(let percent):
            body["discount_type"] = "percent"
            body["amount"] = .string(ShopCoupon.decimal(percent))
        case .amount(let amount):
            body["discount_type"] = "fixed_cart"
            body["amount"] = .string(ShopCoupon.decimal(amount))
        case .freeShipping:
            body["discount_type"] = "fixed_cart"
            body["amount"] = "0"
            body["free_shipping"] = true
        }
        if let end = coupon.endsAt { body["date_expires_gmt"] = .string(String(Timestamp.format(end).prefix(19))) }
        body["usage_limit"] = coupon.usageLimit.map { .int(Int64($0)) }
        if coupon.oncePerCustomer { body["usage_limit_per_user"] = 1 }
        if let minimum = coupon.minimumOrder { body["minimum_amount"] = .string(ShopCoupon.decimal(minimum)) }
        if let email = coupon.customerEmail { body["email_restrictions"] = [.string(email)] }
        return .object(body)
    }
}

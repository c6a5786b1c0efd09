import AutopilotCore
import Foundation

/// The answers of Shopify's Admin GraphQL API for discount codes (`codeDiscountNodeByCode`, `discountCodeBasicCreate`,
/// `discountCodeFreeShippingCreate`), and of WooCommerce's `/wp-json/wc/v3/coupons`, computed from what the fake was
/// asked before: a code is in the shop once a create for it was answered with success.
enum ShopFakes {
    /// How the fake shop behaves.
    struct Behaviour: Sendable {
        /// Answer the first `unavailable` requests with 503 (a transient fault).
        var unavailable = 0
        /// Refuse every create with this message (a user error).
        var refusal: String?
    }

    static func shopify(_ behaviour: Behaviour = Behaviour()) -> @Sendable (VendorServer.Received, [VendorServer.Received]) -> VendorServer.Reply {
        { request, earlier in
            if earlier.count < behaviour.unavailable { return .init(status: 503, body: "{\"errors\":\"Service unavailable\"}") }
            guard request.header("X-Shopify-Access-Token") == "shpat_test", request.path == "/admin/api/2024-10/graphql.json" else {
                return .init(status: 401, body: "{\"errors\":\"[API] Invalid API key or access token\"}")
            }
            let query = request.json["query"]?.stringValue ?? ""
            let variables = request.json["variables"] ?? .null
            let created = createdCodes(earlier.dropFirst(behaviour.unavailable), refusal: behaviour.refusal)
            if query.contains("codeDiscountNodeByCode") {
                let code = variables["code"]?.stringValue ?? ""
                let node: JSONValue = created.firstIndex(of: code).map { ["id": .string("gid://shopify/DiscountCodeNode/\(1000 + $0)")] } ?? .null
                return .init(status: 200, body: JSONValue.object(["data": ["codeDiscountNodeByCode": node]]).jsonString)
            }
            let mutation = query.contains("discountCodeFreeShippingCreate") ? "discountCodeFreeShippingCreate" : "discountCodeBasicCreate"
            if let refusal = behaviour.refusal {
                let error: JSONValue = ["field": ["basicCodeDiscount", "code"], "code": "INVALID", "message": .string(refusal)]
                return .init(status: 200, body: data(mutation, ["codeDiscountNode": nil, "userErrors": [error]]))
            }
            let id = "gid://shopify/DiscountCodeNode/\(1000 + created.count)"
            return .init(status: 200, body: data(mutation, ["codeDiscountNode": ["id": .string(id)], "userErrors": []]))
        }
    }

    static func data(_ field: String, _ payload: JSONValue) -> String {
        var data = JSONObject()
        data[field] = payload
        return JSONValue.object(["data": .object(data)]).jsonString
    }

    /// The codes the Shopify fake created, in order.
    static func createdCodes(_ requests: some Sequence<VendorServer.Received>, refusal: String?) -> [String] {
        guard refusal == nil else { return [] }
        return requests.compactMap { request in
            let query = request.json["query"]?.stringValue ?? ""
            guard query.contains("mutation") else { return nil }
            return request.json["variables"]?["input"]?["code"]?.stringValue
        }
    }

    static func wooCommerce(_ behaviour: Behaviour = Behaviour()) -> @Sendable (VendorServer.Received, [VendorServer.Received]) -> VendorServer.Reply {
        { request, earlier in
            if earlier.count < behaviour.unavailable { return .init(status: 502, body: "<html>Bad gateway</html>") }
            let expected = "Basic " + Data("ck_test:cs_test".utf8).base64EncodedString()
            guard request.header("Authorization") == expected, request.path == "/wp-json/wc/v3/coupons" else {
                return .init(
                    status: 401, body: "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\",\"data\":{\"status\":401}}")
            }
            let created = earlier.filter { $0.method == "POST" && behaviour.refusal == nil }.compactMap { $0.json["code"]?.stringValue?.lowercased() }
            if request.method == "GET" {
                let code = request.query.split(separator: "&").first { $0.hasPrefix("code=") }.map { (String($0.dropFirst(5)).removingPercentEncoding ?? "").lowercased() } ?? ""
                let found = created.firstIndex(of: code).map { [JSONValue.object(["id": .int(Int64(700 + $0)), "code": .string(code)])] } ?? []
                return .init(status: 200, body: JSONValue.array(found).jsonString)
            }
            if let refusal = behaviour.refusal {
                return .init(status: 400, body: JSONValue.object(["code": "rest_invalid_param", "message": .string(refusal), "data": ["status": 400]]).jsonString)
            }
            let code = request.json["code"]?.stringValue?.lowercased() ?? ""
            if created.contains(code) {
                return .init(
                    status: 400,
                    body: "{\"code\":\"woocommerce_rest_coupon_code_already_exists\",\"message\":\"The coupon code already exists\",\"data\":{\"status\":400}}")
            }
            return .init(
                status: 201, body: JSONValue.object(["id": .int(Int64(700 + created.count)), "code": .string(code), "amount": request.json["amount"] ?? "0"]).jsonString)
        }
    }
}

import AutopilotCore
import Foundation
import NIOHTTP1

/// Creates discount codes in a Shopify store through the Admin GraphQL API (`POST /admin/api/{version}/graphql.json`,
/// header `X-Shopify-Access-Token`, scope `write_discounts`): `discountCodeBasicCreate` for a percentage or a fixed amount,
/// `discountCodeFreeShippingCreate` for free shipping. Shopify made the REST Admin API legacy in October 2024 and new apps
/// must use GraphQL; GraphQL also creates a code in one call where REST needs a price rule and then a discount code.
/// Before creating, `codeDiscountNodeByCode` looks the code up, so a retry after a lost answer finds it instead of
/// creating it again (and a code Shopify reports as taken is looked up the same way).
public struct ShopifyDiscounts: ShopCouponClient {
    public var shopURL: String
    public var accessToken: String
    public var apiVersion: String
    public var http: SupplierHTTP
    public var shop: String { "shopify" }

    public init(shopURL: String, accessToken: String, apiVersion: String = "2024-10", http: SupplierHTTP = SupplierHTTP()) {
        self.shopURL = shopURL.hasSuffix("/") ? String(shopURL.dropLast()) : shopURL
        self.accessToken = accessToken
        self.apiVersion = apiVersion
        self.http = http
    }

    var endpoint: String { shopURL + "/admin/api/" + apiVersion + "/graphql.json" }

    public func publish(_ coupon: ShopCoupon) async throws(SupplierError) -> ShopCouponReceipt {
        if let id = try await existing(coupon.code) { return ShopCouponReceipt(shop: shop, id: id, created: false) }
        let (mutation, argument) = Self.mutation(for: coupon.discount)
        let query = """
            mutation \(mutation)($input: \(argument.type)!) {
              \(mutation)(\(argument.name): $input) {
                codeDiscountNode { id }
                userErrors { field code message }
              }
            }
            """
        let data = try await call(query, variables: ["input": Self.input(coupon)])
        let payload = data[mutation] ?? .null
        let errors = payload["userErrors"]?.arrayValue ?? []
        if let id = payload["codeDiscountNode"]?["id"]?.stringValue, errors.isEmpty {
            return ShopCouponReceipt(shop: shop, id: id, created: true)
        }
        if errors.contains(where: { $0["code"]?.stringValue == "TAKEN" }), let id = try await existing(coupon.code) {
            return ShopCouponReceipt(shop: shop, id: id, created: false)
        }
        let reasons = errors.map { error -> String in
            let field = (error["field"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ".")
            return (field.isEmpty ? "" : field + ": ") + (error["message"]?.stringValue ?? "refused")
        }
        throw SupplierError(
            code: "shopify_discount_refused",
            message: "Shopify refused the code \(coupon.code): " + (reasons.isEmpty ? "no discount in the answer" : reasons.joined(separator: "; ")))
    }

    /// The id of the discount holding `code`, if the store has one.
    func existing(_ code: String) async throws(SupplierError) -> String? {
        let query = "query DiscountByCode($code: String!) { codeDiscountNodeByCode(code: $code) { id } }"
        let data = try await call(query, variables: ["code": .string(code)])
        return data["codeDiscountNodeByCode"]?["id"]?.stringValue
    }

    /// Posts a GraphQL document; answers its `data`. Top-level `errors` are failures: transient when Shopify says
    /// `THROTTLED` (the cost budget is spent for now), permanent otherwise (a missing scope, a bad query).
    func call(_ query: String, variables: JSONObject) async throws(SupplierError) -> JSONValue {
        let answer = try await http.send(
            "shopify", method: .POST, url: endpoint, headers: [("X-Shopify-Access-Token", accessToken)],
            body: ["query": .string(query), "variables": .object(variables)])
        if let errors = answer.json["errors"], !(errors.arrayValue ?? []).isEmpty || errors.stringValue != nil {
            let list = errors.arrayValue ?? [errors]
            let throttled = list.contains { $0["extensions"]?["code"]?.stringValue == "THROTTLED" }
            let text = list.map { $0["message"]?.stringValue ?? $0.stringValue ?? $0.jsonString }.joined(separator: "; ")
            throw SupplierError(
                code: throttled ? "shopify_throttled" : "shopify_graphql_error", message: "shopify: \(text)", isTransient: throttled)
        }
        return answer.json["data"] ?? .null
    }

    static func mutation(for discount: ShopCoupon.Discount) -> (String, (name: String, type: String)) {
        if case .freeShipping = discount {
            return ("discountCodeFreeShippingCreate", ("freeShippingCodeDiscount", "DiscountCodeFreeShippingInput"))
        }
        return ("discountCodeBasicCreate", ("basicCodeDiscount", "DiscountCodeBasicInput"))
    }

    /// `DiscountCodeBasicInput` or `DiscountCodeFreeShippingInput`.
    static func input(_ coupon: ShopCoupon) -> JSONValue {
        var input: JSONObject = [
            "title": .string(coupon.title), "code": .string(coupon.code), "startsAt": .string(Timestamp.format(coupon.startsAt)),
            "customerSelection": ["all": true], "appliesOncePerCustomer": .bool(coupon.oncePerCustomer),
        ]
        input["endsAt"] = coupon.endsAt.map { .string(Timestamp.format($0)) }
        input["usageLimit"] = coupon.usageLimit.map { .int(Int64($0)) }
        if let minimum = coupon.minimumOrder {
            input["minimumRequirement"] = ["subtotal": ["greaterThanOrEqualToSubtotal": .string(ShopCoupon.decimal(minimum))]]
        }
        switch coupon.discount {
        case .percent(let percent):
            input["customerGets"] = ["value": ["percentage": .double(percent / 100)], "items": ["all": true]]
        case .amount(let amount):
            input["customerGets"] = [
                "value": ["discountAmount": ["amount": .string(ShopCoupon.decimal(amount)), "appliesOnEachItem": false]], "items": ["all": true],
            ]
        case .freeShipping:
            input["destination"] = ["all": true]
        }
        return .object(input)
    }
}

import AutopilotCore
import Foundation
import NIOHTTP1

/// BigBuy's REST API: `POST /rest/order/create.json` and `GET /rest/tracking/order/{id}.json`, authenticated by a
/// bearer token. The created order's id comes in the `Location` header (or an `id` in the body).
public struct BigBuyClient: SupplierClient {
    public var supplier: Supplier { .bigbuy }
    public var apiKey: String
    /// https://api.bigbuy.eu unless BIGBUY_BASE_URL says otherwise.
    public var baseURL: String
    /// BIGBUY_CARRIER (default `standard`), BIGBUY_PAYMENT_METHOD (default `moneybox`, the prepaid wallet), BIGBUY_LANGUAGE.
    public var carrier: String
    public var paymentMethod: String
    public var language: String
    public var http: SupplierHTTP

    public static let defaultBaseURL = "https://api.bigbuy.eu"

    public init(
        apiKey: String, baseURL: String = BigBuyClient.defaultBaseURL, carrier: String = "standard", paymentMethod: String = "moneybox",
        language: String = "en", http: SupplierHTTP = SupplierHTTP()
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.carrier = carrier
        self.paymentMethod = paymentMethod
        self.language = language
        self.http = http
    }

    /// The create body: the shop's order id as `internalReference`, BigBuy references (the shop SKU without its prefix).
    public func orderBody(_ request: SupplierOrderRequest) -> JSONValue {
        let address = request.address
        var shipping: JSONObject = [
            "firstName": .string(address.firstName), "lastName": .string(address.lastName), "country": .string(address.countryCode),
            "postcode": .string(address.zip ?? ""), "town": .string(address.city),
            "address": .string([address.address1, address.address2].compactMap { $0 }.joined(separator: ", ")),
            "phone": .string(address.phone ?? ""), "email": .string(request.email ?? ""), "comment": .string(""),
        ]
        if let province = address.province { shipping["province"] = .string(province) }
        let order: JSONObject = [
            "internalReference": .string(request.orderID), "language": .string(language), "paymentMethod": .string(paymentMethod),
            "carriers": .array([["name": .string(carrier)]]), "shippingAddress": .object(shipping),
            "products": .array(request.lines.map { ["reference": .string($0.reference), "quantity": .int(Int64($0.quantity))] }),
        ]
        return ["order": .object(order)]
    }

    public func placeOrder(_ request: SupplierOrderRequest) async throws(SupplierError) -> String {
        let answer = try await http.send(
            "bigbuy", method: .POST, url: baseURL + "/rest/order/create.json", headers: [("Authorization", "Bearer " + apiKey)],
            body: orderBody(request))
        if let id = answer.json["id"].flatMap(CJClient.text) ?? answer.json["order"]?["id"].flatMap(CJClient.text) { return id }
        if let location = answer.headers.first(name: "Location"), let last = location.split(separator: "/").last {
            let id = last.hasSuffix(".json") ? String(last.dropLast(5)) : String(last)
            if !id.isEmpty { return id }
        }
        throw SupplierError(code: "bigbuy_bad_answer", message: "bigbuy: order/create answered without an order id (Location header or id)")
    }

    public func tracking(supplierOrderID: String) async throws(SupplierError) -> SupplierTracking? {
        let id = supplierOrderID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? supplierOrderID
        let answer = try await http.send(
            "bigbuy", method: .GET, url: baseURL + "/rest/tracking/order/\(id).json", headers: [("Authorization", "Bearer " + apiKey)])
        // An array of orders (or one order), each with `trackings`: [{trackingNumber, carrier: {name}, url?}].
        let orders = answer.json.arrayValue ?? [answer.json]
        for order in orders {
            for tracking in order["trackings"]?.arrayValue ?? [] {
                guard let number = tracking["trackingNumber"].flatMap(CJClient.text) else { continue }
                let carrier = tracking["carrier"]?["name"].flatMap(CJClient.text) ?? tracking["carrier"].flatMap(CJClient.text)
                return SupplierTracking(number: number, carrier: carrier, url: tracking["url"].flatMap(CJClient.text))
            }
        }
        return nil
    }
}

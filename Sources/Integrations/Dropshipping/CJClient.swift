import AutopilotCore
import Foundation
import NIOHTTP1

/// CJdropshipping API 2.0: `POST /shopping/order/createOrderV2` and `GET /shopping/order/getOrderDetail`, authenticated
/// by the `CJ-Access-Token` header. Answers are `{code, result, message, data}`; `result: true` (code 200) is success.
public struct CJClient: SupplierClient {
    public var supplier: Supplier { .cj }
    public var token: CJAccessToken
    /// https://developers.cjdropshipping.com/api2.0/v1 unless CJ_BASE_URL says otherwise.
    public var baseURL: String
    /// CJ's shipping method (`logisticName`), CJ_LOGISTIC_NAME.
    public var logisticName: String
    /// The warehouse country (`fromCountryCode`), CJ_FROM_COUNTRY.
    public var fromCountryCode: String
    /// CJ's `payType` (CJ_PAY_TYPE): 2 pays from the CJ balance at once, 3 leaves the order to be paid in CJ; nil: not sent.
    public var payType: Int?
    public var http: SupplierHTTP

    public static let defaultBaseURL = "https://developers.cjdropshipping.com/api2.0/v1"

    /// With a token as is.
    public init(
        accessToken: String, baseURL: String = CJClient.defaultBaseURL, logisticName: String = "CJPacket Ordinary", fromCountryCode: String = "CN",
        http: SupplierHTTP = SupplierHTTP()
    ) {
        self.init(
            token: CJAccessToken(token: accessToken), baseURL: baseURL, logisticName: logisticName, fromCountryCode: fromCountryCode, http: http)
    }

    public init(token: CJAccessToken, baseURL: String, logisticName: String, fromCountryCode: String, http: SupplierHTTP) {
        self.token = token
        self.baseURL = baseURL
        self.logisticName = logisticName
        self.fromCountryCode = fromCountryCode
        self.http = http
    }

    /// The createOrderV2 body: the shop's order id as `orderNumber`, CJ SKUs (the shop SKU without its prefix).
    public func orderBody(_ request: SupplierOrderRequest) -> JSONValue {
        let address = request.address
        var body: JSONObject = [
            "orderNumber": .string(request.orderID),
            "shippingCountryCode": .string(address.countryCode),
            "shippingCountry": .string(address.country ?? address.countryCode),
            "shippingProvince": .string(address.province ?? ""),
            "shippingCity": .string(address.city),
            "shippingAddress": .string(address.address1),
            "shippingCustomerName": .string(address.name),
            "shippingPhone": .string(address.phone ?? ""),
            "shippingZip": .string(address.zip ?? ""),
            "logisticName": .string(logisticName),
            "fromCountryCode": .string(fromCountryCode),
            "products": .array(request.lines.map { ["sku": .string($0.reference), "quantity": .int(Int64($0.quantity))] }),
        ]
        if let second = address.address2 { body["shippingAddress2"] = .string(second) }
        if let email = request.email { body["email"] = .string(email) }
        if let payType { body["payType"] = .int(Int64(payType)) }
        return .object(body)
    }

    public func placeOrder(_ request: SupplierOrderRequest) async throws(SupplierError) -> String {
        let answer = try await authorized { headers throws(SupplierError) in
            try await http.send("cj", method: .POST, url: baseURL + "/shopping/order/createOrderV2", headers: headers, body: orderBody(request))
        }
        let data = try Self.data(answer.json)
        guard let id = data?["orderId"].flatMap(Self.text) else {
            throw SupplierError(code: "cj_bad_answer", message: "cj: createOrderV2 answered without data.orderId")
        }
        return id
    }

    public func tracking(supplierOrderID: String) async throws(SupplierError) -> SupplierTracking? {
        let query = supplierOrderID.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? supplierOrderID
        let answer = try await authorized { headers throws(SupplierError) in
            try await http.send("cj", method: .GET, url: baseURL + "/shopping/order/getOrderDetail?orderId=" + query, headers: headers)
        }
        guard let data = try Self.data(answer.json), let number = data["trackNumber"].flatMap(Self.text), !number.isEmpty else { return nil }
        return SupplierTracking(
            number: number, carrier: data["logisticName"].flatMap(Self.text), url: data["trackingUrl"].flatMap(Self.text))
    }

    /// Sends with the current token; a 401 makes an obtained token be fetched again next time.
    func authorized(
        _ call: (_ headers: [(String, String)]) async throws(SupplierError) -> SupplierHTTP.Answer
    ) async throws(SupplierError) -> SupplierHTTP.Answer {
        let current = try await token.current()
        do {
            return try await call([("CJ-Access-Token", current)])
        } catch {
            if error.code == "cj_http_401" { await token.forget() }
            throw error
        }
    }

    /// `data` of a successful answer; CJ's own failures (`result: false`) are permanent, except its rate limit.
    static func data(_ json: JSONValue) throws(SupplierError) -> JSONValue? {
        let code = json["code"]?.intValue
        let ok = json["result"]?.boolValue ?? (code == 200)
        guard ok else {
            let message = json["message"]?.stringValue ?? "no message"
            let shown = code.map(String.init) ?? "?"
            throw SupplierError(code: "cj_refused", message: "cj: code \(shown) \(message)", isTransient: code == 1600200 || code == 429)
        }
        return json["data"]
    }

    /// A JSON string (nil when empty) or integer as text; nil for anything else.
    public static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text.isEmpty ? nil : text
        case .int(let number): String(number)
        default: nil
        }
    }
}

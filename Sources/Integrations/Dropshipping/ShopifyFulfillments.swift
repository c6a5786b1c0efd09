import AutopilotCore
import Foundation
import NIOHTTP1

/// Syncs a supplier's tracking back to Shopify (Admin REST 2024-10): reads the order's fulfillment orders and line items,
/// then creates one fulfillment for the supplier's lines with the tracking (`notify_customer` false: Autopilot's own
/// shipping SMS tells the customer). Lines already fulfilled are skipped, so a retry never fulfils twice.
public struct ShopifyFulfillments: Sendable {
    /// https://SHOP.myshopify.com (SHOPIFY_SHOP_URL).
    public var shopURL: String
    public var accessToken: String
    public var apiVersion: String
    public var http: SupplierHTTP

    public init(shopURL: String, accessToken: String, apiVersion: String = "2024-10", http: SupplierHTTP = SupplierHTTP()) {
        self.shopURL = shopURL.hasSuffix("/") ? String(shopURL.dropLast()) : shopURL
        self.accessToken = accessToken
        self.apiVersion = apiVersion
        self.http = http
    }

    /// What became of a sync.
    public enum Outcome: Sendable, Equatable {
        /// A fulfillment was created (its id).
        case created(String)
        /// Nothing of these SKUs was left to fulfil.
        case nothingToFulfil
    }

    var headers: [(String, String)] { [("X-Shopify-Access-Token", accessToken)] }
    var base: String { shopURL + "/admin/api/" + apiVersion }

    /// Fulfils the lines with these SKUs (and quantities) of Shopify order `orderID`.
    public func fulfil(orderID: String, lines: [SupplierLine], tracking: SupplierTracking) async throws(SupplierError) -> Outcome {
        let id = orderID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? orderID
        let order = try await http.send("shopify", method: .GET, url: base + "/orders/\(id).json?fields=id,line_items", headers: headers)
        var skuByLineItem: [Int64: String] = [:]
        for item in order.json["order"]?["line_items"]?.arrayValue ?? [] {
            if let itemID = item["id"]?.intValue, let sku = item["sku"]?.stringValue { skuByLineItem[itemID] = sku.uppercased() }
        }
        let answer = try await http.send("shopify", method: .GET, url: base + "/orders/\(id)/fulfillment_orders.json", headers: headers)
        var wanted: [String: Int] = [:]
        for line in lines { wanted[line.sku.uppercased(), default: 0] += line.quantity }
        var groups: [JSONValue] = []
        for fulfillmentOrder in answer.json["fulfillment_orders"]?.arrayValue ?? [] {
            guard let orderID = fulfillmentOrder["id"]?.intValue else { continue }
            let status = fulfillmentOrder["status"]?.stringValue ?? "open"
            guard status == "open" || status == "in_progress" || status == "scheduled" else { continue }
            var items: [JSONValue] = []
            for item in fulfillmentOrder["line_items"]?.arrayValue ?? [] {
                guard let itemID = item["id"]?.intValue, let lineItem = item["line_item_id"]?.intValue, let sku = skuByLineItem[lineItem],
                    let left = wanted[sku], left > 0
                else { continue }
                let quantity = min(left, Int(item["fulfillable_quantity"]?.intValue ?? 0))
                guard quantity > 0 else { continue }
                wanted[sku] = left - quantity
                items.append(["id": .int(itemID), "quantity": .int(Int64(quantity))])
            }
            if !items.isEmpty { groups.append(["fulfillment_order_id": .int(orderID), "fulfillment_order_line_items": .array(items)]) }
        }
        guard !groups.isEmpty else { return .nothingToFulfil }
        var trackingInfo: JSONObject = ["number": .string(tracking.number)]
        if let carrier = tracking.carrier { trackingInfo["company"] = .string(carrier) }
        if let url = tracking.url { trackingInfo["url"] = .string(url) }
        let body: JSONValue = [
            "fulfillment": [
                "line_items_by_fulfillment_order": .array(groups), "tracking_info": .object(trackingInfo), "notify_customer": false,
            ]
        ]
        let created = try await http.send("shopify", method: .POST, url: base + "/fulfillments.json", headers: headers, body: body)
        return .created(created.json["fulfillment"]?["id"].flatMap(CJClient.text) ?? "")
    }
}

import AutopilotCore
import Foundation
import NIOHTTP1

/// Writes a shipped parcel's tracking back to a WooCommerce order (REST, HTTP Basic with a Read/Write key): a private
/// order note (`POST /wp-json/wc/v3/orders/{id}/notes`, `customer_note: false` — Autopilot's own shipping message tells
/// the customer), and, when the Shipment Tracking extension is installed, a tracking item
/// (`POST /wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings`), which the shop's emails and the customer's
/// account then show. Each is looked up first (a note or item that already carries the number), so a retry writes
/// nothing twice. A site without the extension answers 404 `rest_no_route`: only the note is written.
public struct WooCommerceTracking: Sendable {
    public var siteURL: String
    public var consumerKey: String
    public var consumerSecret: String
    public var http: SupplierHTTP

    public init(siteURL: String, consumerKey: String, consumerSecret: String, http: SupplierHTTP = SupplierHTTP()) {
        self.siteURL = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.http = http
    }

    /// What was written.
    public struct Outcome: Sendable, Equatable {
        /// The order note was added now (false: an earlier attempt had added it).
        public var noteAdded: Bool
        /// The Shipment Tracking item: added now, already there, or the extension is not installed.
        public var tracking: TrackingItem

        public enum TrackingItem: String, Sendable, Equatable {
            case added, alreadyThere = "already_there", noExtension = "no_extension"
        }
    }

    var headers: [(String, String)] { [("Authorization", "Basic " + Data("\(consumerKey):\(consumerSecret)".utf8).base64EncodedString())] }

    public func write(orderID: String, tracking: SupplierTracking, shippedOn day: String) async throws(SupplierError) -> Outcome {
        let id = orderID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? orderID
        let item = try await trackingItem(orderID: id, tracking: tracking, day: day)
        let notes = siteURL + "/wp-json/wc/v3/orders/\(id)/notes"
        let existing = try await http.send("woocommerce", method: .GET, url: notes, headers: headers).json.arrayValue ?? []
        if existing.contains(where: { $0["note"]?.stringValue?.contains(tracking.number) == true }) {
            return Outcome(noteAdded: false, tracking: item)
        }
        let body: JSONValue = ["note": .string(Self.note(tracking)), "customer_note": false]
        _ = try await http.send("woocommerce", method: .POST, url: notes, headers: headers, body: body)
        return Outcome(noteAdded: true, tracking: item)
    }

    /// The note's text: the carrier, the number and the link, in plain words.
    public static func note(_ tracking: SupplierTracking) -> String {
        var text = "Colis expédié / Parcel shipped: \(tracking.carrier.map { "\($0) " } ?? "")\(tracking.number)"
        if let url = tracking.url { text += " — \(url)" }
        return text + " (Autopilot)"
    }

    private func trackingItem(orderID id: String, tracking: SupplierTracking, day: String) async throws(SupplierError) -> Outcome.TrackingItem {
        let items = siteURL + "/wp-json/wc-shipment-tracking/v3/orders/\(id)/shipment-trackings"
        let listed: [JSONValue]
        do {
            listed = try await http.send("woocommerce", method: .GET, url: items, headers: headers).json.arrayValue ?? []
        } catch {
            if !error.isTransient, error.code == "woocommerce_http_404", error.message.contains("rest_no_route") { return .noExtension }
            throw error
        }
        if listed.contains(where: { $0["tracking_number"]?.stringValue == tracking.number }) { return .alreadyThere }
        var body: JSONObject = ["tracking_number": .string(tracking.number), "date_shipped": .string(day)]
        if let url = tracking.url {
            body["custom_tracking_provider"] = .string(tracking.carrier ?? "Transporteur")
            body["custom_tracking_link"] = .string(url)
        } else {
            body["tracking_provider"] = .string(tracking.carrier ?? "")
        }
        _ = try await http.send("woocommerce", method: .POST, url: items, headers: headers, body: .object(body))
        return .added
    }
}

import AutopilotCore
import Foundation

extension DashboardHistory {
    static func order(_ id: String, at: String, email: String, total: Double) -> JSONValue {
        envelope(
            "order.placed", at: at, key: "order-" + id, contact: ["email": .string(email)],
            properties: [
                "order_id": .string(id), "lines": [["sku": "TEA-01", "quantity": 1, "price": .double(total)]], "total": .double(total),
                "currency": "EUR",
            ])
    }

    /// More customers with orders, so the RFM grid, churn bands and lifetime value have something to show.
    static let customers: [JSONValue] = {
        var events: [JSONValue] = []
        let months = ["2025-04", "2025-06", "2025-08", "2025-10", "2025-12", "2026-02"]
        for index in 0..<12 {
            let email = "client\(index)@a.example"
            let orders = 1 + index % 5
            for number in 0..<orders {
                let month = months[(index + number) % months.count]
                events.append(order("C\(index)-\(number)", at: "\(month)-1\(number % 10)T10:00:00Z", email: email, total: Double(20 + index * 5)))
            }
        }
        events.append(
            envelope("contact.created", at: "2026-01-05T10:00:00Z", key: "prospect", contact: ["email": "prospect@a.example"], properties: [:]))
        return events
    }()
}

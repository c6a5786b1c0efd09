import AutopilotCore
import Content
import Engine
import Foundation
import Scoring
import Storage

/// Clients / Customers: the RFM grid as a heat map (customers and revenue per recency × frequency score), how many never
/// ordered, the churn risk by band from the most severe, and the customers worth most ahead, each linked to its page.
/// Everything is read from the scores stored on the contacts by the nightly scoring.
struct CustomersPage {
    static let topCount = 20

    let app: DashboardApp
    let viewer: Viewer

    func view() async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let store = app.dependencies.store, tenant = viewer.tenantID
        async let grid = store.rfmGrid(tenantID: tenant)
        async let withoutOrders = store.contactsWithoutOrders(tenantID: tenant)
        async let bands = store.churnBandCounts(tenantID: tenant)
        async let top = store.topCustomersByValue(tenantID: tenant, limit: Self.topCount)
        async let currencyRead = store.orderCurrency(tenantID: tenant)
        let currency = try await currencyRead ?? "EUR"
        let cells = try await grid
        let scored = cells.reduce(0) { $0 + $1.customers }
        let heatMap = HeatMap(
            id: "rfm-grid", title: strings["customers_grid_title"], summary: strings["customers_grid_summary"],
            recencyLabel: strings["customers_recency_axis"], frequencyLabel: strings["customers_frequency_axis"],
            countHeader: strings["customers_count_header"], revenueHeader: strings["customers_revenue_header"],
            cells: cells.map {
                HeatMap.Cell(
                    recency: $0.recency, frequency: $0.frequency, count: $0.customers, countDisplay: format.number($0.customers),
                    revenueDisplay: format.money($0.revenue, currency: currency))
            }
        ).draw()
        let bandCounts = try await bands
        let churn = BarChart(
            id: "churn-bands", title: strings["customers_churn_title"], summary: strings["customers_churn_summary"],
            valueHeader: strings["customers_count_header"],
            bars: CustomerWords.bandsBySeverity.map { band in
                let count = bandCounts[band.rawValue] ?? 0
                return BarChart.Bar(label: strings["churn_band_\(band.rawValue)"], value: Double(count), display: format.number(count))
            }
        ).draw()
        let none = try await withoutOrders
        let customers = try await top.map { row -> [String: Any] in
            [
                "href": "/customers/\(row.contactID)", "name": CustomerWords.name(row, strings: strings),
                "clv": row.clv.map { format.money($0, currency: currency) } ?? "–",
                "alive": row.probabilityAlive.map { strings.format("customers_alive", format.percent($0)) } ?? "",
                "next": row.nextOrderAt.map { strings.format("customers_next_order", format.date($0)) } ?? strings["customers_next_unknown"],
                "segment": TemplateValue.optional(
                    row.rfmSegment.flatMap(RFMSegment.init(rawValue:)).map { CustomerWords.segment($0, viewer: viewer) }),
                "spent": format.money(row.totalSpent, currency: currency), "orders": format.number(row.ordersCount),
            ]
        }
        let model: [String: Any] = [
            "heatMap": heatMap.templateValues, "hasScores": scored > 0,
            "scored": strings.format("customers_scored", format.number(scored)),
            "withoutOrders": strings.format("customers_without_orders", format.number(none)),
            "churnChart": churn.templateValues, "top": customers, "hasTop": !customers.isEmpty,
        ]
        return PageView(template: "customers", title: strings["nav_customers"], section: "customers", model: model)
    }
}

/// Plain words for a customer's scores.
enum CustomerWords {
    /// From the most severe band to the mildest.
    static let bandsBySeverity: [ChurnBand] = ChurnBand.allCases.sorted(by: >)

    static func name(_ row: CustomerValueRow, strings: Strings) -> String {
        let name = [row.firstName, row.lastName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        return name.isEmpty ? (row.email ?? strings["leads_unnamed"]) : name
    }

    static func segment(_ segment: RFMSegment, viewer: Viewer) -> String {
        segment.name(in: viewer.language == .french ? .french : .english)
    }
}

import AutopilotCore
import Content
import Engine
import Foundation
import Scoring
import Storage

/// One customer: profile, consents, orders, carts, messages, scores explained in plain words, the current follow-up and
/// its reason, leads, and the recent history (all by the contact's indexes).
struct CustomerPage {
    let app: DashboardApp
    let viewer: Viewer

    func view(contactID: String) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let store = app.dependencies.store, tenant = viewer.tenantID
        guard let detail = try await TenantQueries(dependencies: app.dependencies, tenantID: tenant).contact(id: contactID),
            let scores = try await store.customerScores(contactID: contactID, tenantID: tenant)
        else { throw DashboardFailure.notFound }
        async let messages = store.contactMessages(contactID: contactID, tenantID: tenant, limit: 20)
        async let leads = store.contactLeads(contactID: contactID, tenantID: tenant)
        async let recommendations = InsightsService(dependencies: app.dependencies, tenantID: tenant)
            .pendingRecommendations(contactID: contactID, locale: viewer.language == .french ? .french : .english)
        let contact = detail.contact
        func when(_ text: String?) -> String { text.flatMap(Timestamp.parse).map(format.date) ?? "–" }
        let consents = ["email", "sms", "whatsapp"].map { channel -> [String: Any] in
            let consent = contact.consents[channel]
            let state = consent.map { strings.format($0.granted ? "customer_consent_given" : "customer_consent_refused", when($0.at)) }
            return [
                "channel": strings["channel_\(channel)"], "state": state ?? strings["customer_consent_unknown"],
                "source": TemplateValue.optional(consent?.source),
            ]
        }
        let orders = detail.orders.map { order -> [String: Any] in
            [
                "number": order.orderID, "date": when(order.placedAt), "status": strings.table["customer_order_\(order.status)"] ?? order.status,
                "total": order.total.map { format.money($0, currency: order.currency ?? "EUR") } ?? "–",
                "items": format.number(order.lines.reduce(0) { $0 + $1.quantity }),
            ]
        }
        let carts = detail.carts.map { cart -> [String: Any] in
            [
                "status": strings.table["customer_cart_\(cart.status)"] ?? cart.status,
                "value": format.money(cart.value, currency: cart.currency ?? "EUR"),
                "date": when(cart.updatedAt),
            ]
        }
        let leadRows = try await leads
        let name = [contact.firstName, contact.lastName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        let model: [String: Any] = [
            "name": name.isEmpty ? (contact.email ?? strings["leads_unnamed"]) : name,
            "email": TemplateValue.optional(contact.email), "phone": TemplateValue.optional(contact.phone),
            "language": TemplateValue.optional(contact.locale),
            "birthdate": TemplateValue.optional(contact.birthdate),
            "since": when(contact.createdAt), "consents": consents,
            "orders": orders, "carts": carts,
            "messages": try await messages.map { MessageWords.row($0, strings: strings, format: format) },
            "scores": CustomerScoreWords(row: scores, viewer: viewer, currency: detail.orders.first?.currency ?? "EUR").lines,
            "recommendations": try await recommendations.map { FollowUpList(app: app, viewer: viewer).item(for: $0) },
            "hasLeads": !leadRows.isEmpty,
            "leads": leadRows.map { lead -> [String: Any] in
                [
                    "href": "/leads/\(lead.id)", "company": lead.company ?? LeadWords.name(lead, strings: strings),
                    "tier": LeadWords.tier(lead.tier, strings: strings), "date": format.date(lead.createdAt),
                ]
            },
            "events": detail.recentEvents.prefix(30).map { EventWords.row($0, strings: strings, format: format) },
        ]
        return PageView(template: "customer", title: model["name"] as? String ?? "", section: "customers", model: model)
    }
}

/// A customer's stored scores as sentences: segment, R/F/M, churn risk, lifetime value, chance of still being a customer,
/// expected next order.
struct CustomerScoreWords {
    let row: CustomerValueRow
    let viewer: Viewer
    let currency: String

    var lines: [[String: Any]] {
        let strings = viewer.strings, format = viewer.format
        var lines: [[String: Any]] = []
        func add(_ label: String, _ value: String, _ meaning: String) { lines.append(["label": strings[label], "value": value, "meaning": meaning]) }
        guard row.scoredAt != nil || row.rfmSegment != nil else {
            return [["label": strings["customer_scores"], "value": "–", "meaning": strings["customer_not_scored"]]]
        }
        if let segment = row.rfmSegment.flatMap(RFMSegment.init(rawValue:)) {
            add("customer_segment", CustomerWords.segment(segment, viewer: viewer), strings["customer_segment_meaning"])
        }
        if let r = row.recency, let f = row.frequency, let m = row.monetary {
            add("customer_recency", "\(r) / 5", strings["customer_recency_meaning"])
            add("customer_frequency", "\(f) / 5", strings["customer_frequency_meaning"])
            add("customer_monetary", "\(m) / 5", strings["customer_monetary_meaning"])
        }
        if let band = row.churnBand.flatMap(ChurnBand.init(rawValue:)) {
            let score = row.churnScore.map { " (\(format.percent($0)))" } ?? ""
            add("customer_churn", strings["churn_band_\(band.rawValue)"] + score, strings["customer_churn_meaning"])
        }
        if let clv = row.clv { add("customer_clv", format.money(clv, currency: currency), strings["customer_clv_meaning"]) }
        if let alive = row.probabilityAlive { add("customer_alive", format.percent(alive), strings["customer_alive_meaning"]) }
        if let next = row.nextOrderAt { add("customer_next_order", format.date(next), strings["customer_next_order_meaning"]) }
        if let at = row.scoredAt { add("customer_scored_at", format.dateTime(at), strings["customer_scored_at_meaning"]) }
        return lines
    }
}

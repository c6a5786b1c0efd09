import AutopilotCore
import Engine
import Storage

extension Tool {
    /// `find_contact {email | phone}`: a contact's profile, consents, scores (RFM, churn, CLV, P(alive)), orders and leads.
    public static let findContact = Tool(
        name: "find_contact", title: "Find a contact",
        description: "Finds one contact of the shop by email or by phone number (give one of them) and answers the profile, the consent "
            + "on each channel, the customer scores (RFM segment, churn risk, predicted lifetime value, probability of still being a "
            + "customer), the latest orders, open carts and leads.",
        effect: .readsOnly,
        input: Schema.object([
            "email": Schema.string("the contact's email address", maxLength: 320),
            "phone": Schema.string("the contact's phone number, international form preferred (+33 6 12 34 56 78)", maxLength: 40),
        ]),
        output: Schema.object(
            [
                "contact": Schema.anyObject,
                "scores": Schema.type("object", "null"),
                "orders": Schema.array(of: Schema.anyObject),
                "open_carts": Schema.array(of: Schema.anyObject),
                "leads": Schema.array(of: Schema.anyObject),
            ], required: ["contact", "scores", "orders", "open_carts", "leads"]),
        run: { input, context in
            let id = try await ContactLookup(context: context).contactID(input)
            let store = context.dependencies.store
            guard let detail = try await store.contactDetail(id: id, tenantID: context.tenantID) else { throw NotFoundError(what: "contact \(id)") }
            let scores = try await store.customerScores(contactID: id, tenantID: context.tenantID)
            let leads = try await store.contactLeads(contactID: id, tenantID: context.tenantID)
            let orders = detail.orders.prefix(10).map { order -> JSONValue in
                [
                    "order_id": .string(order.orderID), "status": .string(order.status), "total": order.total.map(JSONValue.double) ?? .null,
                    "currency": order.currency.map(JSONValue.string) ?? .null, "placed_at": order.placedAt.map(JSONValue.string) ?? .null,
                ]
            }
            let carts = detail.carts.filter { $0.status == "open" || $0.status == "abandoned" }.map { cart -> JSONValue in
                [
                    "cart_id": .string(cart.cartID), "status": .string(cart.status), "value": .double(cart.value),
                    "currency": cart.currency.map(JSONValue.string) ?? .null, "updated_at": .string(cart.updatedAt),
                ]
            }
            return [
                "contact": try JSONValue.encoding(detail.contact), "scores": scores.map(Self.scores) ?? .null, "orders": .array(orders),
                "open_carts": .array(carts), "leads": .array(leads.map(Self.lead)),
            ]
        })

    static func scores(_ row: CustomerValueRow) -> JSONValue {
        var rfm: JSONValue = .null
        if let recency = row.recency, let frequency = row.frequency, let monetary = row.monetary {
            rfm = ["recency": .int(Int64(recency)), "frequency": .int(Int64(frequency)), "monetary": .int(Int64(monetary))]
        }
        return [
            "rfm_segment": row.rfmSegment.map(JSONValue.string) ?? .null, "rfm": rfm,
            "churn_score": row.churnScore.map(JSONValue.double) ?? .null, "churn_band": row.churnBand.map(JSONValue.string) ?? .null,
            "clv": row.clv.map(JSONValue.double) ?? .null, "p_alive": row.probabilityAlive.map(JSONValue.double) ?? .null,
            "expected_next_order_at": row.nextOrderAt.map { .string(Timestamp.format($0)) } ?? .null,
            "scored_at": row.scoredAt.map { .string(Timestamp.format($0)) } ?? .null,
        ]
    }

    static func lead(_ row: LeadRow) -> JSONValue {
        [
            "lead_id": .string(row.id), "company": row.company.map(JSONValue.string) ?? .null, "source": row.source.map(JSONValue.string) ?? .null,
            "score": row.score.map { .int(Int64($0)) } ?? .null, "tier": row.tier.map(JSONValue.string) ?? .null,
            "status": .string(row.status.rawValue), "created_at": .string(Timestamp.format(row.createdAt)),
        ]
    }
}

import AutopilotCore
import Foundation

/// Column lists and the mapping of each record to and from rows. Column order here is the order of values.
enum RecordColumns {
    static let contact = [
        "id", "tenant_id", "email", "phone", "external_id", "first_name", "last_name", "locale", "timezone", "birthdate",
        "consent_email", "consent_email_at", "consent_email_source", "consent_sms", "consent_sms_at", "consent_sms_source",
        "consent_whatsapp", "consent_whatsapp_at", "consent_whatsapp_source", "attributes", "orders_count", "total_spent",
        "first_order_at", "last_order_at", "created_at", "updated_at", "whatsapp_inbound_at",
    ]

    static func values(_ contact: ContactRecord, tenant: String) -> [SQLValue] {
        var values: [SQLValue] = [
            .text(contact.id), .text(tenant), .text(contact.email), .text(contact.phone), .text(contact.externalID),
            .text(contact.firstName), .text(contact.lastName), .text(contact.locale), .text(contact.timezone), .text(contact.birthdate),
        ]
        for channel in [Channel.email, .sms, .whatsapp] {
            let consent = contact.consents[channel]
            values += [.bool(consent?.granted), .date(consent?.at), .text(consent?.source)]
        }
        values += [
            .json(contact.attributes), .integer(contact.ordersCount), .double(contact.totalSpent), .date(contact.firstOrderAt),
            .date(contact.lastOrderAt), .date(contact.createdAt), .date(contact.updatedAt), .date(contact.whatsappInboundAt),
        ]
        return values
    }

    static func contact(_ row: SQLRow) -> ContactRecord {
        var contact = ContactRecord(id: row.text(0) ?? "", createdAt: row.date(24) ?? Date(timeIntervalSince1970: 0))
        contact.email = row.text(2)
        contact.phone = row.text(3)
        contact.externalID = row.text(4)
        contact.firstName = row.text(5)
        contact.lastName = row.text(6)
        contact.locale = row.text(7)
        contact.timezone = row.text(8)
        contact.birthdate = row.text(9)
        for (offset, channel) in [Channel.email, .sms, .whatsapp].enumerated() {
            let base = 10 + offset * 3
            if let granted = row.bool(base), let at = row.date(base + 1) {
                contact.consents[channel] = ConsentState(granted: granted, at: at, source: row.text(base + 2) ?? "")
            }
        }
        contact.attributes = row.json(19)
        contact.ordersCount = Int(row.int(20) ?? 0)
        contact.totalSpent = row.double(21) ?? 0
        contact.firstOrderAt = row.date(22)
        contact.lastOrderAt = row.date(23)
        contact.updatedAt = row.date(25) ?? contact.createdAt
        contact.whatsappInboundAt = row.date(26)
        return contact
    }

    static let cart = [
        "id", "tenant_id", "external_id", "contact_id", "status", "value", "currency", "checkout_url", "lines", "created_at",
        "updated_at", "abandoned_at", "closed_at", "order_external_id",
    ]

    static func values(_ cart: CartRecord, tenant: String) -> [SQLValue] {
        [
            .text(cart.id), .text(tenant), .text(cart.externalID), .text(cart.contactID), .text(cart.status.rawValue), .double(cart.value),
            .text(cart.currency), .text(cart.checkoutURL), .text(LinesCoding.encode(cart.lines)), .date(cart.createdAt),
            .date(cart.updatedAt), .date(cart.abandonedAt), .date(cart.closedAt), .text(cart.orderExternalID),
        ]
    }

    static func cart(_ row: SQLRow) -> CartRecord {
        CartRecord(
            id: row.text(0) ?? "", externalID: row.text(2) ?? "", contactID: row.text(3),
            status: CartStatus(rawValue: row.text(4) ?? "") ?? .open, value: row.double(5) ?? 0, currency: row.text(6),
            checkoutURL: row.text(7), lines: LinesCoding.decode(row.text(8)), createdAt: row.date(9) ?? .distantPast,
            updatedAt: row.date(10) ?? .distantPast, abandonedAt: row.date(11), closedAt: row.date(12), orderExternalID: row.text(13))
    }

    static let order = [
        "id", "tenant_id", "external_id", "contact_id", "cart_external_id", "status", "total", "currency", "refunded_amount",
        "placed_at", "fulfilled_at", "delivered_at", "cancelled_at", "refunded_at", "tracking_number", "carrier", "tracking_url",
        "updated_at",
    ]

    static func values(_ order: OrderRecord, tenant: String) -> [SQLValue] {
        [
            .text(order.id), .text(tenant), .text(order.externalID), .text(order.contactID), .text(order.cartExternalID),
            .text(order.status.rawValue), .double(order.total), .text(order.currency), .double(order.refundedAmount), .date(order.placedAt),
            .date(order.fulfilledAt), .date(order.deliveredAt), .date(order.cancelledAt), .date(order.refundedAt),
            .text(order.trackingNumber), .text(order.carrier), .text(order.trackingURL), .date(order.updatedAt),
        ]
    }

    static func order(_ row: SQLRow) -> OrderRecord {
        OrderRecord(
            id: row.text(0) ?? "", externalID: row.text(2) ?? "", contactID: row.text(3), cartExternalID: row.text(4),
            status: OrderStatus(rawValue: row.text(5) ?? "") ?? .pending, total: row.double(6), currency: row.text(7),
            refundedAmount: row.double(8) ?? 0, placedAt: row.date(9), fulfilledAt: row.date(10), deliveredAt: row.date(11),
            cancelledAt: row.date(12), refundedAt: row.date(13), trackingNumber: row.text(14), carrier: row.text(15),
            trackingURL: row.text(16), updatedAt: row.date(17) ?? .distantPast)
    }

    static let product = [
        "tenant_id", "sku", "title", "price", "previous_price", "currency", "consumption_days", "url", "in_stock", "updated_at",
    ]

    static func values(_ product: ProductRecord, tenant: String) -> [SQLValue] {
        [
            .text(tenant), .text(product.sku), .text(product.title), .double(product.price), .double(product.previousPrice),
            .text(product.currency), .integer(product.consumptionDays), .text(product.url), .bool(product.inStock), .date(product.updatedAt),
        ]
    }

    static func product(_ row: SQLRow) -> ProductRecord {
        ProductRecord(
            sku: row.text(1) ?? "", title: row.text(2), price: row.double(3), previousPrice: row.double(4), currency: row.text(5),
            consumptionDays: row.int(6).map(Int.init), url: row.text(7), inStock: row.bool(8), updatedAt: row.date(9) ?? .distantPast)
    }

    static let message = [
        "id", "tenant_id", "external_id", "contact_id", "channel", "origin", "template", "subject", "status", "sent_at", "delivered_at",
        "opened_at", "clicked_at", "replied_at", "bounced_at", "failed_at", "updated_at", "kind",
    ]

    static func values(_ message: MessageRecord, tenant: String) -> [SQLValue] {
        [
            .text(message.id), .text(tenant), .text(message.externalID), .text(message.contactID), .text(message.channel.rawValue),
            .text(message.origin), .text(message.template), .text(message.subject), .text(message.status.rawValue), .date(message.sentAt),
            .date(message.deliveredAt), .date(message.openedAt), .date(message.clickedAt), .date(message.repliedAt),
            .date(message.bouncedAt), .date(message.failedAt), .date(message.updatedAt), .text(message.kind?.rawValue),
        ]
    }

    static func message(_ row: SQLRow) -> MessageRecord {
        MessageRecord(
            id: row.text(0) ?? "", externalID: row.text(2) ?? "", contactID: row.text(3), channel: Channel(rawValue: row.text(4) ?? "") ?? .email,
            origin: row.text(5) ?? "external", template: row.text(6), subject: row.text(7),
            status: MessageStatus(rawValue: row.text(8) ?? "") ?? .sent, sentAt: row.date(9), deliveredAt: row.date(10),
            openedAt: row.date(11), clickedAt: row.date(12), repliedAt: row.date(13), bouncedAt: row.date(14), failedAt: row.date(15),
            updatedAt: row.date(16) ?? .distantPast, kind: row.text(17).flatMap(MessageKind.init(rawValue:)))
    }

    static let event = ["tenant_key", "id", "type", "occurred_at", "received_at", "idempotency_key", "contact_id", "properties"]

    /// An event's row; `tenantKey` is the tenant's key in `tenant_keys`.
    static func values(_ event: EventRecord, tenantKey: Int64) -> [SQLValue] {
        [
            .int(tenantKey), .text(event.id), .text(event.type.rawValue), .date(event.occurredAt), .date(event.receivedAt),
            .text(event.idempotencyKey), .text(event.contactID), .eventProperties(event.properties),
        ]
    }

    /// Reads `seq` first, then the event columns.
    static func event(_ row: SQLRow) -> (seq: Int64, record: EventRecord)? {
        guard let seq = row.int(0), let type = EventType(rawValue: row.text(3) ?? "") else { return nil }
        return (
            seq,
            EventRecord(
                id: row.text(2) ?? "", type: type, occurredAt: row.date(4) ?? .distantPast, receivedAt: row.date(5) ?? .distantPast,
                idempotencyKey: row.text(6), contactID: row.text(7), properties: row.eventProperties(8))
        )
    }
}

/// Cart and order lines stored as a JSON array.
enum LinesCoding {
    static func encode(_ lines: [OrderLine]) -> String {
        JSONValue.array(lines.map { ["sku": .string($0.sku), "quantity": .int(Int64($0.quantity)), "price": .double($0.price)] }).jsonString
    }

    static func decode(_ text: String?) -> [OrderLine] {
        guard let text, let value = try? JSONParser.parse(text), let items = value.arrayValue else { return [] }
        return items.compactMap { item in
            guard let sku = item["sku"]?.stringValue else { return nil }
            return OrderLine(sku: sku, quantity: Int(item["quantity"]?.intValue ?? 1), price: item["price"]?.doubleValue ?? 0)
        }
    }
}

import AutopilotCore
import Flows
import Foundation
import Storage

/// Builds the values flows and templates read (`contact.*`, `cart.*`, `order.*`, `product.*`) from stored records, in the
/// shapes `FlowVocabulary` declares.
enum FlowEntities {
    static func contact(_ contact: ContactRecord) -> JSONObject {
        var object: JSONObject = [
            "id": .string(contact.id), "orders_count": .int(Int64(contact.ordersCount)), "total_spent": .double(contact.totalSpent),
        ]
        object["email"] = contact.email.map(JSONValue.string)
        object["phone"] = contact.phone.map(JSONValue.string)
        object["first_name"] = contact.firstName.map(JSONValue.string)
        object["last_name"] = contact.lastName.map(JSONValue.string)
        object["locale"] = contact.locale.map(JSONValue.string)
        object["timezone"] = contact.timezone.map(JSONValue.string)
        object["birthdate"] = contact.birthdate.map(JSONValue.string)
        object["first_order_at"] = contact.firstOrderAt.map { .string(Timestamp.format($0)) }
        object["last_order_at"] = contact.lastOrderAt.map { .string(Timestamp.format($0)) }
        object["created_at"] = .string(Timestamp.format(contact.createdAt))
        var consents = JSONObject()
        for channel in Channel.allCases { consents[channel.rawValue] = .bool(contact.consents[channel]?.granted == true) }
        object["consents"] = .object(consents)
        object["tags"] = contact.attributes["tags"]?.arrayValue.map(JSONValue.array) ?? .array([])
        object["attributes"] = .object(contact.attributes)
        return object
    }

    static func cart(_ cart: CartRecord, products: [String: ProductRecord], reviews: [String: (rating: Double, count: Int)]) -> JSONObject {
        var object: JSONObject = [
            "id": .string(cart.externalID), "value": .double(cart.value), "item_count": .int(Int64(cart.lines.reduce(0) { $0 + $1.quantity })),
            "status": .string(cart.status.rawValue),
        ]
        object["currency"] = cart.currency.map(JSONValue.string)
        object["checkout_url"] = cart.checkoutURL.map(JSONValue.string)
        object["lines"] = .array(cart.lines.map { line($0, products) })
        if let first = cart.lines.first {
            object["product_title"] = products[first.sku]?.title.map(JSONValue.string) ?? .string(first.sku)
            if let stats = reviews[first.sku], stats.count > 0 {
                object["product_rating"] = .double((stats.rating * 10).rounded() / 10)
                object["product_review_count"] = .int(Int64(stats.count))
            }
        }
        return object
    }

    static func order(_ order: OrderRecord, lines: [OrderLine], products: [String: ProductRecord]) -> JSONObject {
        var object: JSONObject = ["id": .string(order.externalID), "item_count": .int(Int64(lines.reduce(0) { $0 + $1.quantity }))]
        object["total"] = order.total.map(JSONValue.double)
        object["currency"] = order.currency.map(JSONValue.string)
        object["cart_id"] = order.cartExternalID.map(JSONValue.string)
        object["tracking_url"] = order.trackingURL.map(JSONValue.string)
        object["lines"] = .array(lines.map { line($0, products) })
        if let first = lines.first { object["product_title"] = products[first.sku]?.title.map(JSONValue.string) ?? .string(first.sku) }
        let cycles = lines.compactMap { line in products[line.sku]?.consumptionDays.map { $0 * max(line.quantity, 1) } }
        object["replenishment_days"] = cycles.min().map { .int(Int64($0)) } ?? .null
        return object
    }

    static func product(_ product: ProductRecord, oldPrice: Double?, reviews: (rating: Double, count: Int)?) -> JSONObject {
        var object: JSONObject = ["sku": .string(product.sku)]
        object["title"] = product.title.map(JSONValue.string)
        object["price"] = product.price.map(JSONValue.double)
        object["old_price"] = (oldPrice ?? product.previousPrice).map(JSONValue.double)
        object["currency"] = product.currency.map(JSONValue.string)
        object["url"] = product.url.map(JSONValue.string)
        object["consumption_days"] = product.consumptionDays.map { .int(Int64($0)) }
        if let reviews, reviews.count > 0 {
            object["rating"] = .double((reviews.rating * 10).rounded() / 10)
            object["review_count"] = .int(Int64(reviews.count))
        }
        return object
    }

    private static func line(_ line: OrderLine, _ products: [String: ProductRecord]) -> JSONValue {
        var object: JSONObject = ["sku": .string(line.sku), "quantity": .int(Int64(line.quantity)), "price": .double(line.price)]
        object["title"] = .string(products[line.sku]?.title ?? line.sku)
        object["url"] = products[line.sku]?.url.map(JSONValue.string)
        return .object(object)
    }
}

import Foundation

/// Reads and checks the properties of each event type.
struct EventPayloadReader {
    let type: EventType

    func read(_ properties: inout JSONObject) throws(ValidationError) -> EventPayload {
        let reader = PropertyReader(properties, path: "properties")
        switch type {
        case .contactCreated, .contactUpdated:
            return .contactProfile(try profile(reader, &properties))
        case .leadCreated:
            return .leadCreated(
                LeadCreated(
                    leadID: try reader.identifier("lead_id"), company: try reader.string("company", maxLength: 300),
                    message: try reader.string("message", maxLength: 20_000), source: try reader.string("source", maxLength: 200)))
        case .leadQualified:
            let tier = try reader.requiredString("tier", maxLength: 10)
            guard LeadScore.tiers.contains(tier) else { throw reader.fail("tier", "\"\(tier)\" is not hot, warm, cool or cold") }
            guard let score = try reader.integer("score", minimum: 0, maximum: 100) else { throw reader.fail("score", "is required (0 to 100)") }
            return .leadQualified(LeadScore(leadID: try reader.identifier("lead_id"), score: score, tier: tier))
        case .churnRiskCrossed:
            return .churnRiskCrossed(
                score: try reader.requiredNumber("score", minimum: 0, maximum: 1),
                previousScore: try reader.number("previous_score", minimum: 0, maximum: 1))
        case .productUpdated:
            var update = ProductUpdate(sku: try reader.requiredIdentifier("sku"))
            update.title = try reader.string("title", maxLength: 500)
            update.price = try reader.amount("price")
            if reader.object["currency"] != nil { update.currency = try reader.currency("currency") }
            update.consumptionDays = try reader.integer("consumption_days", minimum: 1, maximum: 3650)
            update.url = try reader.string("url", maxLength: 2_000)
            update.inStock = try reader.bool("in_stock")
            return .productUpdated(update)
        case .productPriceChanged:
            return .priceChanged(
                sku: try reader.requiredIdentifier("sku"), oldPrice: try reader.amount("old_price"),
                newPrice: try reader.requiredAmount("new_price"))
        case .cartUpdated:
            let lines = try reader.lines("lines", required: false)
            let value = try reader.amount("value") ?? lines.reduce(0) { $0 + Double($1.quantity) * $1.price }
            return .cartUpdated(
                CartUpdate(
                    cartID: try reader.requiredIdentifier("cart_id"), lines: lines, value: value, currency: try reader.currency("currency"),
                    checkoutURL: try reader.string("checkout_url", maxLength: 2_000)))
        case .cartAbandoned:
            return .cartAbandoned(cartID: try reader.requiredIdentifier("cart_id"))
        case .segmentEntered, .segmentLeft:
            _ = try reader.string("segment_name", maxLength: 200)
            return .segmentChange(segmentID: try reader.requiredIdentifier("segment_id"))
        case .cartRecovered:
            return .cartRecovered(cartID: try reader.requiredIdentifier("cart_id"), orderID: try reader.identifier("order_id"))
        case .orderPlaced:
            return .orderPlaced(
                OrderPlaced(
                    orderID: try reader.requiredIdentifier("order_id"), cartID: try reader.identifier("cart_id"),
                    lines: try reader.lines("lines", required: true), total: try reader.requiredAmount("total"),
                    currency: try reader.currency("currency")))
        case .orderFulfilled:
            return .orderFulfilled(
                OrderFulfilled(
                    orderID: try reader.requiredIdentifier("order_id"), trackingNumber: try reader.string("tracking_number", maxLength: 200),
                    carrier: try reader.string("carrier", maxLength: 200), trackingURL: try reader.string("tracking_url", maxLength: 2_000)))
        case .orderDelivered:
            return .orderDelivered(orderID: try reader.requiredIdentifier("order_id"))
        case .orderCancelled:
            return .orderCancelled(orderID: try reader.requiredIdentifier("order_id"))
        case .orderRefunded:
            return .orderRefunded(orderID: try reader.requiredIdentifier("order_id"), amount: try reader.requiredAmount("amount"))
        case .reviewSubmitted:
            let rating = try reader.integer("rating", minimum: 1, maximum: 5)
            guard let rating else { throw reader.fail("rating", "is required (1 to 5)") }
            return .reviewSubmitted(
                Review(
                    orderID: try reader.identifier("order_id"), sku: try reader.identifier("sku"), rating: rating,
                    hasPhoto: try reader.bool("has_photo") ?? false, text: try reader.string("text", maxLength: 20_000)))
        case .wishlistAdded:
            return .wishlistAdded(sku: try reader.requiredIdentifier("sku"))
        case .wishlistRemoved:
            return .wishlistRemoved(sku: try reader.requiredIdentifier("sku"))
        case .callLogged:
            let outcome = try reader.string("outcome", maxLength: 20)?.lowercased()
            if let outcome, !["reached", "voicemail", "no_answer"].contains(outcome) {
                throw reader.fail("outcome", "\"\(outcome)\" is not reached, voicemail or no_answer")
            }
            _ = try reader.string("notes", maxLength: 5_000)
            _ = try reader.number("duration_seconds", minimum: 0, maximum: 86_400)
            return .callLogged(by: try reader.requiredString("by", maxLength: 200), outcome: outcome)
        case .supportTicketCreated:
            return .supportTicket(ticketID: try reader.requiredIdentifier("ticket_id"), subject: try reader.string("subject", maxLength: 1_000))
        case .messageSent, .messageDelivered, .messageOpened, .messageClicked, .messageBounced, .messageFailed:
            return .messageTimeline(
                MessageTimelineUpdate(
                    messageID: try reader.requiredIdentifier("message_id"), channel: try reader.channel("channel"),
                    template: try reader.string("template", maxLength: 200), subject: try reader.string("subject", maxLength: 1_000),
                    kind: try messageKind(reader), flagged: try reader.string("flagged", maxLength: 40), bounce: try bounceKind(reader)))
        case .messageReplied:
            return .messageReplied(
                MessageReply(
                    messageID: try reader.identifier("message_id"), channel: try reader.channel("channel"),
                    text: try reader.string("text", maxLength: 20_000)))
        case .contactUnsubscribed:
            let raw = try reader.requiredString("channel", maxLength: 20)
            guard let scope = ChannelScope(rawValue: raw.lowercased()) else {
                throw reader.fail("channel", "\"\(raw)\" is not email, sms, whatsapp or all")
            }
            return .unsubscribed(scope)
        case .conversationMessage:
            return .conversationMessage(try ConversationLine.read(reader))
        }
    }

    /// `bounce`: `hard` or `soft`; absent means hard.
    private func bounceKind(_ reader: PropertyReader) throws(ValidationError) -> String? {
        guard let raw = try reader.string("bounce", maxLength: 10) else { return nil }
        guard ["hard", "soft"].contains(raw.lowercased()) else { throw reader.fail("bounce", "\"\(raw)\" is not hard or soft") }
        return raw.lowercased()
    }

    /// `kind`: conversation, marketing or transactional; absent means a conversation (see `MessageKind`).
    private func messageKind(_ reader: PropertyReader) throws(ValidationError) -> MessageKind? {
        guard let raw = try reader.string("kind", maxLength: 20) else { return nil }
        guard let kind = MessageKind(rawValue: raw.lowercased()) else {
            throw reader.fail("kind", "\"\(raw)\" is not conversation, marketing or transactional")
        }
        return kind
    }

    private func profile(_ reader: PropertyReader, _ properties: inout JSONObject) throws(ValidationError) -> ContactProfile {
        var profile = ContactProfile()
        profile.firstName = try reader.string("first_name", maxLength: 200)
        profile.lastName = try reader.string("last_name", maxLength: 200)
        if let locale = try reader.string("locale", maxLength: 35) {
            let normalized = locale.replacingOccurrences(of: "_", with: "-")
            guard normalized.split(separator: "-").first.map({ (2...3).contains($0.count) && $0.allSatisfy(\.isLetter) }) == true else {
                throw reader.fail("locale", "\"\(locale)\" is not a language tag such as fr, en or fr-MA")
            }
            profile.locale = normalized
            properties["locale"] = .string(normalized)
        }
        if let zone = try reader.string("timezone", maxLength: 64) {
            guard ContactFields.isKnownTimeZone(zone) else {
                throw reader.fail("timezone", "\"\(zone)\" is not an IANA time zone such as Europe/Paris")
            }
            profile.timezone = zone
        }
        if let birthdate = try reader.string("birthdate", maxLength: 10) {
            guard Timestamp.parseDay(birthdate) != nil else { throw reader.fail("birthdate", "\"\(birthdate)\" is not a date YYYY-MM-DD") }
            profile.birthdate = birthdate
        }
        if let consents = try reader.object("consents") {
            let consentReader = PropertyReader(consents, path: "properties.consents")
            for channel in Channel.allCases {
                if let granted = try consentReader.bool(channel.rawValue) { profile.consents[channel] = granted }
            }
            for key in consents.keys where Channel(rawValue: key) == nil && key != "source" && key != "text" {
                throw consentReader.fail(key, "is not a channel (email, sms, whatsapp)")
            }
            profile.consentSource = try consentReader.string("source", maxLength: 200)
            profile.consentText = try consentReader.string("text", maxLength: 2_000)
        }
        profile.attributes = try reader.object("attributes")
        return profile
    }
}

import AutopilotCore

extension DemoContactStory {
    /// Newsletters from the shop's outside e-mail tool, a few promotional SMS, the odd reply and unsubscribe.
    mutating func recordMessages() {
        if persona.consentsEmail, random.chance(0.5) { recordNewsletters() }
        if persona.consentsSMS, random.chance(0.35) { recordTexts(channel: "sms") }
        if persona.consentsWhatsApp, random.chance(0.25) { recordTexts(channel: "whatsapp") }
    }

    private mutating func recordNewsletters() {
        let engagement = random.double(0.05, 0.7)
        let language = persona.language
        for campaign in context.campaigns where campaign.at > persona.signup {
            guard random.chance(0.75) else { continue }
            let messageID = "nl\(campaign.number)-c\(persona.number)"
            let messageKey = "demo-msg-" + messageID
            var properties = JSONObject()
            properties["message_id"] = .string(messageID)
            properties["channel"] = "email"
            properties["template"] = .string(campaign.template)
            properties["subject"] = .string(DemoTexts.newsletterSubject(month: campaign.month, language: language))
            properties["provider"] = "brevo"
            // A newsletter is marketing, not a conversation awaiting an answer (docs/events.md: `kind`).
            properties["kind"] = "marketing"
            let sent = campaign.at + Int64(random.int(0...1_800))
            log.record(.messageSent, at: sent, key: messageKey + "-sent", contact: persona.contact, properties)
            let timeline = fields(messageID, "email")
            if random.chance(0.01) {
                log.record(
                    .messageBounced, at: sent + Int64(random.int(5...120)), key: messageKey + "-bounced", contact: persona.contact,
                    timeline)
                return
            }
            let delivered = sent + Int64(random.int(2...90))
            log.record(.messageDelivered, at: delivered, key: messageKey + "-delivered", contact: persona.contact, timeline)
            guard random.chance(engagement) else { continue }
            let opened = delivered + Int64(random.double(0, 1) * random.double(0, 1) * 72 * 3_600) + 30
            log.record(.messageOpened, at: opened, key: messageKey + "-opened", contact: persona.contact, timeline)
            if random.chance(0.25) {
                log.record(
                    .messageClicked, at: opened + Int64(random.int(5...600)), key: messageKey + "-clicked", contact: persona.contact,
                    timeline)
            }
            if random.chance(0.01) {
                log.record(
                    .messageReplied, at: opened + Int64(random.int(60...7_200)), key: messageKey + "-replied", contact: persona.contact,
                    ["message_id": .string(messageID), "channel": "email", "text": .string(DemoTexts.reply(language: language, &random))])
            }
            if random.chance(0.015) {
                log.record(
                    .contactUnsubscribed, at: opened + Int64(random.int(10...900)), key: key + "unsubscribed-email",
                    contact: persona.contact, ["channel": random.chance(0.85) ? "email" : "all"])
                return
            }
        }
    }

    /// One to four promotional texts on SMS or WhatsApp, sent with a newsletter; a few fail, a few get an answer.
    private mutating func recordTexts(channel: String) {
        let campaigns = context.campaigns.filter { $0.at > persona.signup }
        guard !campaigns.isEmpty, let phone = persona.phone else { return }
        var contact = persona.contact.objectValue ?? JSONObject()
        contact["phone"] = .string(phone)
        let recipient = JSONValue.object(contact)
        var used: Set<Int> = []
        for _ in 0..<random.int(1...4) {
            guard let campaign = random.pick(campaigns), used.insert(campaign.number).inserted else { continue }
            let messageID = "\(channel)\(campaign.number)-c\(persona.number)"
            let messageKey = "demo-msg-" + messageID
            let timeline = fields(messageID, channel)
            var sent = timeline
            sent["template"] = .string("promo-" + campaign.template)
            sent["provider"] = channel == "sms" ? "twilio" : "whatsapp-business"
            sent["kind"] = "marketing"
            let at = campaign.at + DemoTimeline.hour * 9 + Int64(random.int(0...1_800))
            guard log.record(.messageSent, at: at, key: messageKey + "-sent", contact: recipient, sent) else { continue }
            if random.chance(0.06) {
                log.record(.messageFailed, at: at + Int64(random.int(2...60)), key: messageKey + "-failed", contact: recipient, timeline)
                continue
            }
            log.record(.messageDelivered, at: at + Int64(random.int(2...60)), key: messageKey + "-delivered", contact: recipient, timeline)
            if channel == "whatsapp", random.chance(0.6) {
                log.record(.messageOpened, at: at + Int64(random.int(60...14_400)), key: messageKey + "-opened", contact: recipient, timeline)
            }
            if random.chance(0.04) {
                log.record(
                    .contactUnsubscribed, at: at + Int64(random.int(60...3_600)), key: key + "unsubscribed-\(channel)", contact: recipient,
                    ["channel": .string(channel)])
                return
            }
            if random.chance(0.05) {
                let text = DemoTexts.reply(language: persona.language, &random)
                log.record(
                    .messageReplied, at: at + Int64(random.int(60...7_200)), key: messageKey + "-replied", contact: recipient,
                    ["message_id": .string(messageID), "channel": .string(channel), "text": .string(text)])
            }
        }
    }

    private func fields(_ messageID: String, _ channel: String) -> JSONObject {
        var object = JSONObject()
        object["message_id"] = .string(messageID)
        object["channel"] = .string(channel)
        return object
    }
}

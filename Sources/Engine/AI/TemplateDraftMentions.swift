import AutopilotCore

/// The legal mentions a marketing draft must carry to be activated (`TemplateCheck`), added when the writer forgot them:
/// the unsubscribe link of emails, the STOP instruction of SMS.
enum TemplateDraftMentions {
    static func adding(to body: String, channel: Channel, language: String) -> String {
        let french = language == "fr"
        switch channel {
        case .email where !body.contains("links.unsubscribe"):
            return body + (french ? "\n\nSe désinscrire : {{links.unsubscribe}}" : "\n\nUnsubscribe: {{links.unsubscribe}}")
        case .sms where !body.contains("STOP"):
            return body + (french ? "\nRépondez STOP pour ne plus recevoir de SMS" : "\nReply STOP to opt out")
        default:
            return body
        }
    }
}

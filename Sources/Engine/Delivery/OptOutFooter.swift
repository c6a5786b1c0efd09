import Flows
import Foundation

/// The opt-out every prospecting email sent on legitimate interest must carry: when the template's text does not already
/// show the unsubscribe link, a line with it is added at the end (and before `</body>` in the HTML), in the message's
/// language. Pure.
enum OptOutFooter {
    static func ensure(in message: RenderedMessage, unsubscribeURL: String) -> RenderedMessage {
        var message = message
        let french = SendingLanguage(locale: message.locale) == .french
        let line = french ? "Vous ne souhaitez plus recevoir nos emails ? Désinscription : " : "Don't want these emails? Unsubscribe: "
        if !message.text.contains(unsubscribeURL) { message.text += "\n\n" + line + unsubscribeURL }
        if let html = message.html, !html.contains(unsubscribeURL) {
            let escaped = unsubscribeURL.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            let paragraph = "<p style=\"font-size:12px;color:#666\">\(french ? "Vous ne souhaitez plus recevoir nos emails ?" : "Don't want these emails?")"
                + " <a href=\"\(escaped)\">\(french ? "Désinscription" : "Unsubscribe")</a></p>"
            if let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
                message.html = html.replacingCharacters(in: body, with: paragraph + "</body>")
            } else {
                message.html = html + paragraph
            }
        }
        return message
    }
}

import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The page an unsubscribe link opens: it confirms the unsubscribe, in French for French-speaking contacts and in English
/// otherwise, and offers a button to unsubscribe from every channel.
struct UnsubscribePage {
    let receipt: UnsubscribeReceipt

    var response: Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    var html: String {
        let french = receipt.locale?.lowercased().hasPrefix("fr") == true
        let wording = french ? Self.french : Self.english
        let shop = receipt.shopName.map { " (\(Self.escape($0)))" } ?? ""
        var page = """
            <!doctype html>
            <html lang="\(french ? "fr" : "en")">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(wording.title)</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
            <body>
            <h1>\(wording.title)</h1>
            <p>\(wording.done(receipt.scope))\(shop).</p>

            """
        if receipt.scope != .all {
            page += """
                <form method="post"><input type="hidden" name="channel" value="all">
                <button type="submit">\(wording.allChannels)</button></form>

                """
        }
        page += "</body>\n</html>\n"
        return page
    }

    private struct Wording: Sendable {
        var title: String
        var done: @Sendable (ChannelScope) -> String
        var allChannels: String
    }

    private static let english = Wording(
        title: "Unsubscribed",
        done: { scope in
            switch scope {
            case .email: "You are unsubscribed from emails"
            case .sms: "You are unsubscribed from text messages"
            case .whatsapp: "You are unsubscribed from WhatsApp messages"
            case .all: "You are unsubscribed from all channels: emails, text messages and WhatsApp"
            }
        }, allChannels: "Unsubscribe from all channels (email, SMS, WhatsApp)")

    private static let french = Wording(
        title: "Désinscription confirmée",
        done: { scope in
            switch scope {
            case .email: "Vous êtes désinscrit des emails"
            case .sms: "Vous êtes désinscrit des SMS"
            case .whatsapp: "Vous êtes désinscrit des messages WhatsApp"
            case .all: "Vous êtes désinscrit de tous les canaux : emails, SMS et WhatsApp"
            }
        }, allChannels: "Me désinscrire de tous les canaux (email, SMS, WhatsApp)")

    private static func escape(_ text: String) -> String {
        MarkdownHTML.escape(text)
    }
}

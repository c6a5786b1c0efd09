import AutopilotCore
import Foundation

/// The tracked form of one message's links, served by Autopilot at `baseURL` (AUTOPILOT_PUBLIC_URL): links become click
/// redirects (`/t/c/{token}`), the HTML gets an open pixel (`/t/o/{token}.gif`), and the unsubscribe link is a signed
/// `/u/{token}`. Pure: the same message always gives the same text.
///
/// Only absolute `http(s)` links are rewritten, and never those already pointing at `baseURL` (the unsubscribe link).
/// In HTML only the `href` of `<a>` and `<area>` tags changes; in text a URL runs as `TemplateHTML` links it (to the next
/// blank, quote, angle bracket or non-ASCII character, closing punctuation after it staying text).
public struct TrackingLinks: Sendable {
    public let baseURL: String
    public let tenantID: String
    public let messageID: String
    private let signer: TrackingSigner
    /// Added to every tracked link's target (nil: none), unless the link already has UTM parameters.
    public let utm: UTMTags?

    public init(baseURL: String, signer: TrackingSigner, tenantID: String, messageID: String, utm: UTMTags? = nil) {
        self.utm = utm
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.signer = signer
        self.tenantID = tenantID
        self.messageID = messageID
    }

    public func unsubscribeURL(channel: Channel) -> String {
        baseURL + "/u/" + signer.sign(.unsubscribe(tenantID: tenantID, messageID: messageID, channel: channel))
    }

    public func clickURL(_ target: String) -> String {
        baseURL + "/t/c/" + signer.sign(.click(tenantID: tenantID, messageID: messageID, url: utm?.tagging(target) ?? target))
    }

    public var pixelURL: String {
        baseURL + "/t/o/" + signer.sign(.open(tenantID: tenantID, messageID: messageID)) + ".gif"
    }

    /// The plain text with its links rewritten to click URLs (no pixel in text).
    public func trackedText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var position = 0
        var copied = 0
        while position < bytes.count {
            guard bytes[position] == 0x68, let end = LinkScanner.urlEnd(in: bytes, from: position) else {  // "h"
                position += 1
                continue
            }
            let url = String(decoding: bytes[position..<end], as: UTF8.self)
            output += bytes[copied..<position]
            output += Array((shouldTrack(url) ? clickURL(url) : url).utf8)
            position = end
            copied = end
        }
        output += bytes[copied..<bytes.count]
        return String(decoding: output, as: UTF8.self)
    }

    /// The HTML with the `href` of its links rewritten to click URLs and the open pixel added before `</body>` (or at
    /// the end when there is no body tag).
    public func trackedHTML(_ html: String) -> String {
        var bytes = Array(html.utf8)
        for link in LinkScanner.anchorHrefs(in: bytes).reversed() {
            let url = LinkScanner.decodeEntities(bytes[link.value])
            guard shouldTrack(url) else { continue }
            bytes.replaceSubrange(link.value, with: Array(TemplateEscaping.attribute(clickURL(url)).utf8))
        }
        let pixel = Array(
            "<img src=\"\(TemplateEscaping.attribute(pixelURL))\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">".utf8)
        if let body = LinkScanner.lastClosingBody(in: bytes) {
            bytes.insert(contentsOf: pixel, at: body)
        } else {
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            bytes += pixel
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func shouldTrack(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        return !url.hasPrefix(baseURL + "/") && url != baseURL
    }
}

/// HTML attribute escaping for the URLs we write.
enum TemplateEscaping {
    static func attribute(_ text: String) -> String {
        MarkdownHTML.escape(text)
    }
}

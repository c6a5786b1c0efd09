import AutopilotCore
import Crypto
import Foundation

/// Turns an `OutboundMessage` into an Internet message (RFC 5322 + MIME, RFC 2045–2047): headers encoded and folded,
/// text and HTML bodies in quoted-printable, CRLF line endings. Pure: the date is a parameter.
public struct MIMEMessageBuilder: Sendable {
    /// Used when the message names no sender.
    public var defaultFrom: MailAddress

    public init(defaultFrom: MailAddress) {
        self.defaultFrom = defaultFrom
    }

    /// Headers that name our message id where the relays echo them in their webhooks: Postmark's metadata
    /// (`X-PM-Metadata-…`, and `X-PM-KeepID` so Postmark keeps our Message-ID for replies to quote), Mailgun's variables.
    /// Left out for an id that is not plain (letters, digits, `_`, `-`, `.`, at most 100).
    static func trackingHeaders(_ id: String) -> [(String, String)] {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-."))
        guard !id.isEmpty, id.count <= 100, id.unicodeScalars.allSatisfy({ $0.isASCII && plain.contains($0) }) else { return [] }
        return [
            ("X-Autopilot-Message-ID", id), ("X-PM-Metadata-autopilot-message-id", id), ("X-PM-KeepID", "true"),
            ("X-Mailgun-Variables", "{\"autopilot_message_id\": \"\(id)\"}"),
        ]
    }

    /// The message for `message`, dated `date`; `invalid_message` (permanent) when a field cannot go into a header safely.
    public func build(_ message: OutboundMessage, date: Date) throws(SendFailure) -> MIMEMessage {
        let from = try sender(of: message)
        let recipient: MailAddress
        do {
            recipient = try MailAddress(address: message.recipient.trimmingSpaces)
        } catch {
            throw Self.invalid("recipient", "'\(message.recipient)' is not a usable address: \(error.reason)")
        }
        let subject = message.subject ?? ""
        guard !subject.unicodeScalars.contains(where: { MailAddress.isControl($0) && $0 != "\t" }) else {
            throw Self.invalid("subject", "it contains a line break or control character")
        }
        let digest = Self.digest(tenantID: message.tenantID, idempotencyKey: message.idempotencyKey)
        let messageID = "<\(digest.prefix(32))@\(Self.messageIDDomain(from.domain))>"

        var headers: [(String, String)] = [
            ("Date", MessageDate.format(date)),
            ("From", fromValue(from)),
            ("To", recipient.address),
            ("Subject", HeaderText.folded(subject.replacingOccurrences(of: "\t", with: " "), headerName: "Subject")),
            ("Message-ID", messageID),
            ("MIME-Version", "1.0"),
        ]
        headers += Self.trackingHeaders(message.id)
        if let url = message.unsubscribeURL {
            headers += try Self.unsubscribeHeaders(url)
        }
        let body: String
        if let html = message.html {
            let boundary = "=_ap_\(digest.suffix(24))"
            headers.append(("Content-Type", "multipart/alternative;\r\n boundary=\"\(boundary)\""))
            body = [
                "This is a multi-part message in MIME format.",
                "--\(boundary)", Self.textPart("text/plain", message.text),
                "--\(boundary)", Self.textPart("text/html", html),
                "--\(boundary)--", "",
            ].joined(separator: "\r\n")
        } else {
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
            headers.append(("Content-Transfer-Encoding", "quoted-printable"))
            body = QuotedPrintable.encode(message.text) + "\r\n"
        }
        let head = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        var envelopeFrom = from.address
        if let returnPath = message.returnPath {
            do {
                envelopeFrom = try MailAddress(address: returnPath.trimmingSpaces).address
            } catch {
                throw Self.invalid("returnPath", "'\(returnPath)' is not a usable address: \(error.reason)")
            }
        }
        return MIMEMessage(
            messageID: messageID, envelopeFrom: envelopeFrom, recipient: recipient.address, data: Array((head + "\r\n" + body).utf8),
            requiresSMTPUTF8: !from.isASCII || !recipient.isASCII || !envelopeFrom.allSatisfy(\.isASCII))
    }

    private func sender(of message: OutboundMessage) throws(SendFailure) -> MailAddress {
        guard let text = message.from else { return defaultFrom }
        do {
            return try MailAddress.parse(text)
        } catch {
            throw Self.invalid("from", "'\(text)' is not a usable sender address: \(error.reason)")
        }
    }

    private func fromValue(_ from: MailAddress) -> String {
        guard let name = from.displayName else { return from.address }
        let phrase = HeaderText.phrase(name, firstLineUsed: "From: ".count)
        let lastLine = phrase.components(separatedBy: "\r\n").last ?? phrase
        let lineStart = phrase.contains("\r\n") ? 0 : "From: ".count
        let separator = lineStart + lastLine.utf8.count + from.address.utf8.count + 3 <= HeaderText.maximumLineLength ? " " : "\r\n "
        return "\(phrase)\(separator)<\(from.address)>"
    }

    private static func textPart(_ type: String, _ text: String) -> String {
        "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + QuotedPrintable.encode(text)
    }

    private static func unsubscribeHeaders(_ url: String) throws(SendFailure) -> [(String, String)] {
        let trimmed = url.trimmingSpaces
        guard let parsed = URL(string: trimmed), let scheme = parsed.scheme?.lowercased(), ["https", "http"].contains(scheme),
            parsed.host != nil, trimmed.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">" })
        else {
            throw invalid("unsubscribeURL", "'\(url)' is not an absolute http(s) URL of printable ASCII without spaces or angle brackets")
        }
        guard trimmed.utf8.count <= 900 else { throw invalid("unsubscribeURL", "it is longer than 900 characters") }
        let fits = "List-Unsubscribe: <\(trimmed)>".utf8.count <= HeaderText.maximumLineLength
        return [
            ("List-Unsubscribe", (fits ? "" : "\r\n ") + "<\(trimmed)>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ]
    }

    static func digest(tenantID: String, idempotencyKey: String) -> String {
        let hash = SHA256.hash(data: Array("\(tenantID)\u{0}\(idempotencyKey)".utf8))
        return hash.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }

    private static func messageIDDomain(_ domain: String) -> String {
        let allowed = domain.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-") }
        return allowed && !domain.isEmpty ? domain : "autopilot.invalid"
    }

    private static func invalid(_ field: String, _ reason: String) -> SendFailure {
        SendFailure(code: "invalid_message", reason: "The message's \(field) cannot be sent: \(reason).", isTransient: false)
    }
}

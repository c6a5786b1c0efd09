import AutopilotCore
import Foundation
import Testing

@testable import Channels

@Suite("MIME message builder")
struct MIMEMessageBuilderTests {
    static let date = Date(timeIntervalSince1970: 1_795_276_005)  // 2026-11-21T15:46:45Z, a Saturday
    static func builder() throws -> MIMEMessageBuilder {
        MIMEMessageBuilder(defaultFrom: try MailAddress(address: "hello@shop.example", displayName: "Boutique Élise"))
    }

    static func message(
        subject: String? = "Votre panier", text: String = "Bonjour", html: String? = nil, unsubscribe: String? = nil,
        recipient: String = "elise@client.example", from: String? = nil, key: String = "run-1/step-1"
    ) -> OutboundMessage {
        OutboundMessage(
            id: "m1", tenantID: "shop-1", idempotencyKey: key, channel: .email, recipient: recipient, from: from, subject: subject,
            text: text, html: html, unsubscribeURL: unsubscribe)
    }

    /// The header lines (unfolded) by name, and the raw header block.
    static func headers(_ mime: MIMEMessage) -> (fields: [String: String], block: String) {
        let block = mime.text.components(separatedBy: "\r\n\r\n").first ?? ""
        var fields: [String: String] = [:]
        for field in block.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n") {
            guard let colon = field.firstIndex(of: ":") else { continue }
            fields[String(field[..<colon])] = String(field[field.index(colon, offsetBy: 2)...])
        }
        return (fields, block)
    }

    /// Decodes a run of `=?UTF-8?B?…?=` words (the spaces between them dropped) and plain text around them.
    static func decodeEncodedWords(_ value: String) -> String {
        var output = ""
        var rest = Substring(value)
        while let start = rest.range(of: "=?UTF-8?B?") {
            let before = rest[..<start.lowerBound]
            if !(output.hasSuffix("\u{1}") && before.allSatisfy { $0 == " " }) { output += before }
            output = output.replacingOccurrences(of: "\u{1}", with: "")
            guard let end = rest[start.upperBound...].range(of: "?=") else { break }
            let data = Data(base64Encoded: String(rest[start.upperBound..<end.lowerBound])) ?? Data()
            output += String(decoding: data, as: UTF8.self) + "\u{1}"
            rest = rest[end.upperBound...]
        }
        return (output + rest).replacingOccurrences(of: "\u{1}", with: "")
    }

    @Test("headers: Date, From with encoded name, To, Subject, Message-ID, MIME-Version; CRLF only")
    func headers() throws {
        let mime = try Self.builder().build(Self.message(), date: Self.date)
        let (fields, _) = Self.headers(mime)
        #expect(fields["Date"] == "Sat, 21 Nov 2026 15:46:45 +0000")
        #expect(fields["To"] == "elise@client.example")
        #expect(fields["Subject"] == "Votre panier")
        #expect(fields["MIME-Version"] == "1.0")
        #expect(fields["Message-ID"] == mime.messageID)
        #expect(fields["Content-Type"] == "text/plain; charset=utf-8")
        #expect(fields["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(fields["From"].map(Self.decodeEncodedWords) == "Boutique Élise <hello@shop.example>")
        #expect(fields["List-Unsubscribe"] == nil)
        #expect(mime.envelopeFrom == "hello@shop.example")
        #expect(mime.recipient == "elise@client.example")
        #expect(!mime.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!mime.text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test(
        "subjects are encoded and folded to 78 columns and decode back",
        arguments: [
            "Votre panier",
            "Élise, votre panier vous attend",
            "A plain ASCII subject that is long enough that it has to be folded over more than one line, at spaces",
            "Très long sujet accentué : « Votre panier vous attend », livraison offerte jusqu'à dimanche soir ✨🎁 profitez-en vite !",
            "Looks like =?UTF-8?B?encoded?= but is not",
            "Emoji 👩‍👩‍👧‍👦 family",
            "",
        ])
    func subjects(subject: String) throws {
        let mime = try Self.builder().build(Self.message(subject: subject), date: Self.date)
        let (fields, block) = Self.headers(mime)
        #expect(block.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let value = try #require(fields["Subject"])
        #expect(Self.decodeEncodedWords(value) == subject)
        #expect(value.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("the Message-ID depends only on tenant and idempotency key, so a resend carries the same one")
    func stableMessageID() throws {
        let first = try Self.builder().build(Self.message(), date: Self.date)
        let resend = try Self.builder().build(Self.message(subject: "Changed"), date: Self.date.addingTimeInterval(3600))
        let other = try Self.builder().build(Self.message(key: "run-1/step-2"), date: Self.date)
        #expect(first.messageID == resend.messageID)
        #expect(first.messageID != other.messageID)
        #expect(first.messageID.hasPrefix("<") && first.messageID.hasSuffix("@shop.example>"))
        let expectedHash = MIMEMessageBuilder.digest(tenantID: "shop-1", idempotencyKey: "run-1/step-1").prefix(32)
        #expect(first.messageID == "<\(expectedHash)@shop.example>")
    }

    @Test("one-click unsubscribe headers (RFC 8058) when a URL is given")
    func unsubscribe() throws {
        let mime = try Self.builder().build(Self.message(unsubscribe: "https://shop.example/u/abc?t=1"), date: Self.date)
        let (fields, _) = Self.headers(mime)
        #expect(fields["List-Unsubscribe"] == "<https://shop.example/u/abc?t=1>")
        #expect(fields["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
    }

    @Test("text and HTML make multipart/alternative with two quoted-printable parts")
    func multipart() throws {
        let text = "Bonjour Élise,\n" + String(repeating: "long line with = signs and accents éà ", count: 5) + "\n.\nfin "
        let html = "<p>Bonjour <b>Élise</b></p>"
        let mime = try Self.builder().build(Self.message(text: text, html: html), date: Self.date)
        let (fields, _) = Self.headers(mime)
        let contentType = try #require(fields["Content-Type"])
        #expect(contentType.hasPrefix("multipart/alternative; boundary=\""))
        let boundary = String(contentType.dropFirst("multipart/alternative; boundary=\"".count).dropLast())
        let sections = mime.text.components(separatedBy: "--\(boundary)")
        #expect(sections.count == 4)
        #expect(sections.last == "--\r\n")
        #expect(mime.text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let parts = sections.dropFirst().dropLast().map { $0.components(separatedBy: "\r\n\r\n") }
        #expect(
            parts.map { $0[0] } == [
                "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
                "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
            ])
        #expect(parts.allSatisfy { $0[1].hasSuffix("\r\n") })
        // "\r\n" is one Character: dropLast() removes the line break that belongs to the delimiter.
        #expect(QuotedPrintableTests.decode(String(parts[0][1].dropLast())) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(QuotedPrintableTests.decode(String(parts[1][1].dropLast())) == html)
    }

    @Test(
        "CR, LF or a bad address anywhere a header is made is refused as invalid_message",
        arguments: [
            message(subject: "Hello\r\nBcc: everyone@example.com"),
            message(subject: "Hello\nBcc: everyone@example.com"),
            message(recipient: "elise@client.example\r\nBcc: x@y.z"),
            message(recipient: "elise@client.example>"),
            message(recipient: "not an address"),
            message(recipient: "two@at@signs"),
            message(from: "Shop\r\nBcc: x@y.z <hello@shop.example>"),
            message(unsubscribe: "https://shop.example/u\r\nBcc: x@y.z"),
            message(unsubscribe: "javascript:alert(1)"),
            message(unsubscribe: "https://shop.example/u>x"),
        ])
    func injectionRefused(message: OutboundMessage) {
        #expect {
            _ = try Self.builder().build(message, date: Self.date)
        } throws: { error in
            (error as? SendFailure)?.code == "invalid_message" && (error as? SendFailure)?.isTransient == false
        }
    }

    @Test("a message's own sender replaces the default, name and all")
    func ownSender() throws {
        let mime = try Self.builder().build(Self.message(from: "\"Marc Dupont\" <marc@other.example>"), date: Self.date)
        #expect(Self.headers(mime).fields["From"] == "\"Marc Dupont\" <marc@other.example>")
        #expect(mime.envelopeFrom == "marc@other.example")
        #expect(mime.messageID.hasSuffix("@other.example>"))
    }

    @Test("dot-stuffing doubles a leading dot on every line and ends with the dot line")
    func dotStuffing() {
        let stuffed = DotStuffing.dataSection(Array(".first\r\nmiddle\r\n.\r\n..two\r\nlast".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..first\r\nmiddle\r\n..\r\n...two\r\nlast\r\n.\r\n")
        #expect(String(decoding: DotStuffing.dataSection(Array("a\r\n".utf8)), as: UTF8.self) == "a\r\n.\r\n")
    }
}

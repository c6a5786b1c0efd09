import Foundation
import Integrations
import Testing

/// Reading RFC 5322 / MIME messages: folded headers, encoded words, transfer encodings, charsets and nested parts.
@Suite("Inbound mail — MIME reading")
struct MailMessageTests {
    @Test func foldedHeadersAndEncodedWords() {
        let message = MailMessage(
            text: "Subject: =?UTF-8?B?Qm9uam91ciDDqXTDqQ==?=\r\n =?ISO-8859-1?Q?_=E0_vous?=\r\nFrom: x@y.example\r\n\r\nbody")
        #expect(message.decodedField("subject") == "Bonjour été à vous")
        #expect(message.field("FROM") == "x@y.example")
        #expect(message.bodyText == "body")
    }

    @Test func base64AndLatin1Bodies() {
        let encoded = Data("Ça marche très bien".utf8).base64EncodedString()
        let base64 = MailMessage(text: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\(encoded)\n")
        #expect(base64.bodyText == "Ça marche très bien")
        var latin1 = Array("Content-Type: text/plain; charset=\"iso-8859-1\"\n\n".utf8)
        latin1 += [0x43, 0x27, 0x65, 0x73, 0x74, 0x20, 0x70, 0x61, 0x72, 0x66, 0x61, 0x69, 0x74, 0x20, 0xE0, 0x20, 0x31, 0x30, 0x30, 0x25]
        #expect(MailMessage(raw: latin1).bodyText == "C'est parfait à 100%")
    }

    @Test func multipartPrefersThePlainTextOutsideAttachments() {
        let text = """
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/html

            <p>Bonjour&nbsp;!</p>
            --inner
            Content-Type: text/plain

            Bonjour !
            --inner--
            --outer
            Content-Type: text/plain
            Content-Disposition: attachment; filename="devis.txt"

            attached
            --outer--
            """
        let message = MailMessage(text: text)
        #expect(message.parts.count == 2)
        #expect(message.readableText == "Bonjour !")
        let htmlOnly = MailMessage(text: "Content-Type: text/html\n\n<div>Oui&nbsp;!</div><blockquote>old</blockquote>")
        #expect(htmlOnly.readableText?.trimmingCharacters(in: .whitespacesAndNewlines) == "Oui !")
    }
}

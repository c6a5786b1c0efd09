import Testing

@testable import Channels

@Suite("SMTP reply decoder")
struct SMTPReplyDecoderTests {
    static func replies(_ text: String) throws -> [SMTPReply] {
        var decoder = SMTPReplyDecoder()
        var replies: [SMTPReply] = []
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n")) {
            var bytes = Array(line)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if let reply = try decoder.consume(bytes) { replies.append(reply) }
        }
        return replies
    }

    @Test("multi-line replies become one reply; EHLO capabilities are read")
    func multiLine() throws {
        let replies = try Self.replies(
            "220 peer.test ESMTP\r\n250-peer.test\r\n250-SIZE 1000\r\n250-AUTH PLAIN LOGIN\r\n250-STARTTLS\n250 SMTPUTF8\r\n")
        try #require(replies.count == 2)
        #expect(replies[0] == SMTPReply(code: 220, lines: ["peer.test ESMTP"]))
        #expect(replies[1].code == 250)
        #expect(replies[1].lines == ["peer.test", "SIZE 1000", "AUTH PLAIN LOGIN", "STARTTLS", "SMTPUTF8"])
        let capabilities = SMTPCapabilities(ehloReply: replies[1])
        #expect(capabilities.startTLS && capabilities.smtpUTF8)
        #expect(capabilities.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(try Self.replies("250\r\n") == [SMTPReply(code: 250, lines: [""])])
    }

    @Test("garbage and a code changing mid-reply are refused", arguments: ["hello\r\n", "250-a\r\n251 b\r\n", "250x\r\n", "99 x\r\n"])
    func malformed(input: String) {
        #expect(throws: SMTPTransportError.self) { try Self.replies(input) }
    }

    @Test(
        "queue ids from the reply to the data",
        arguments: [
            ("250 2.0.0 Ok: queued as 4B2C81234", "4B2C81234"),
            ("250 OK id=1abcDE-0001Xy-2Z", "1abcDE-0001Xy-2Z"),
            ("250 2.0.0 OK 1700000000 x12si123.gsmtp", nil),
        ])
    func queueID(line: String, expected: String?) throws {
        var decoder = SMTPReplyDecoder()
        let reply = try #require(try decoder.consume(Array(line.utf8)))
        #expect(reply.queueID == expected)
    }
}

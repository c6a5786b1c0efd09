import Foundation
import Testing

@testable import Channels

@Suite("Quoted-printable (RFC 2045 §6.7)")
struct QuotedPrintableTests {
    /// An independent decoder: soft breaks removed, =XX turned back into bytes.
    static func decode(_ encoded: String) -> String {
        let bytes = Array(encoded.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test(
        "known encodings",
        arguments: [
            ("a=b", "a=3Db"),
            ("é", "=C3=A9"),
            ("trailing space ", "trailing space=20"),
            ("tab\tinside", "tab\tinside"),
            ("line one\nline two", "line one\r\nline two"),
            ("crlf\r\nkept", "crlf\r\nkept"),
            (".dot", ".dot"),
        ])
    func known(input: String, expected: String) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test(
        "every line is at most 76 characters and decodes back",
        arguments: [
            String(repeating: "x", count: 300),
            String(repeating: "é", count: 100),
            String(repeating: "word ", count: 40) + " ",
            String(repeating: "a=", count: 80) + "\nnext " + String(repeating: "ü", count: 30),
        ])
    func roundTrip(input: String) {
        let encoded = QuotedPrintable.encode(input)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(Self.decode(encoded) == input.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}

import Foundation
import NIOCore

/// One response from the server: its line(s), literals cut out (`{n}` stays in `text` where each literal was), and the
/// literals' bytes in order.
public struct IMAPResponse: Sendable, Equatable {
    public var text: String
    public var literals: [[UInt8]]

    /// `*` (untagged), `+` (continuation) or the command's tag.
    var tag: String { String(text.prefix { $0 != " " }) }

    /// The second word, upper-cased: `OK`, `NO`, `BAD`, `BYE`, `PREAUTH`, or a number (`* 3 EXISTS`).
    var word: String {
        let words = text.split(separator: " ", maxSplits: 2)
        return words.count > 1 ? words[1].uppercased() : ""
    }

    /// The value of a response code: `[UIDVALIDITY 3857529045]` → 3857529045.
    func code(_ name: String) -> UInt32? {
        guard let range = text.range(of: "[\(name) ") else { return nil }
        return UInt32(text[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Splits the server's bytes into responses (RFC 3501 §4.3, §7): a line ended by CRLF, unless it ends with a literal
/// announcement `{n}`, whose n bytes follow and after which the same response goes on.
struct IMAPResponseDecoder: ByteToMessageDecoder {
    typealias InboundOut = IMAPResponse

    static let maximumLineLength = 64 * 1024
    static let maximumLiteral = 50 * 1024 * 1024

    private var text = ""
    private var literals: [[UInt8]] = []
    private var pendingLiteral: Int?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if let size = pendingLiteral {
            guard let bytes = buffer.readBytes(length: size) else { return .needMoreData }
            literals.append(bytes)
            pendingLiteral = nil
            return .continue
        }
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw IMAPError(code: "protocol_error", message: "a response line is too long") }
            return .needMoreData
        }
        guard var line = buffer.readBytes(length: newline - buffer.readerIndex + 1) else { return .needMoreData }
        line.removeLast()
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        let segment = String(decoding: line, as: UTF8.self)
        text += segment
        if let size = Self.literalSize(segment) {
            guard size <= Self.maximumLiteral else { throw IMAPError(code: "protocol_error", message: "a literal of \(size) bytes is too large") }
            pendingLiteral = size
            return .continue
        }
        let response = IMAPResponse(text: text, literals: literals)
        text = ""
        literals = []
        context.fireChannelRead(wrapInboundOut(response))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue, buffer.readableBytes > 0 {}
        return .needMoreData
    }

    /// `… {123}` or `… {123+}` at the end of a line announces a literal of 123 bytes.
    static func literalSize(_ line: String) -> Int? {
        guard line.hasSuffix("}"), let open = line.lastIndex(of: "{") else { return nil }
        var digits = line[line.index(after: open)..<line.index(before: line.endIndex)]
        if digits.hasSuffix("+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}

/// Closes the connection when the server says nothing for the read timeout (the `IdleStateHandler` before it says when).
final class IMAPReadTimeoutHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.fireErrorCaught(IMAPError(code: "timeout", message: "the server did not answer in time"))
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}

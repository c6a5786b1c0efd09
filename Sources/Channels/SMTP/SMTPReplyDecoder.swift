import NIOCore

/// Splits the server's bytes into replies: lines ended by CRLF (a bare LF is tolerated), `ddd-text` continues, `ddd text`
/// (or `ddd` alone) ends a reply.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; we accept far more before calling it garbage.
    static let maximumLineLength = 16_384

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw SMTPTransportError.malformedReply("a reply line is too long") }
            return .needMoreData
        }
        guard var line = buffer.readBytes(length: newline - buffer.readerIndex + 1) else { return .needMoreData }
        line.removeLast()
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if let reply = try consume(line) {
            context.fireChannelRead(wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// Adds one line; returns the reply when the line was its last.
    mutating func consume(_ line: [UInt8]) throws -> SMTPReply? {
        let text = String(decoding: line, as: UTF8.self)
        guard line.count >= 3, line.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let lineCode = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200...599).contains(lineCode)
        else {
            throw SMTPTransportError.malformedReply("'\(text.prefix(80))' does not start with a reply code")
        }
        if let code, code != lineCode {
            throw SMTPTransportError.malformedReply("a multi-line reply changed its code from \(code) to \(lineCode)")
        }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPTransportError.malformedReply("'\(text.prefix(80))' has no space or dash after its code")
        }
        code = lineCode
        lines.append(line.count > 4 ? String(decoding: line.dropFirst(4), as: UTF8.self) : "")
        guard separator == UInt8(ascii: " ") else { return nil }
        defer {
            code = nil
            lines = []
        }
        return SMTPReply(code: lineCode, lines: lines)
    }
}

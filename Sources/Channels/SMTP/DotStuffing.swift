/// The DATA section on the wire (RFC 5321 §4.5.2): a `.` doubled at the start of every line, a final CRLF if missing,
/// then the `.` line that ends the message.
enum DotStuffing {
    static func dataSection(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        for byte in message {
            if atLineStart, byte == UInt8(ascii: ".") { output.append(byte) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !message.isEmpty, !(output.count >= 2 && output[output.count - 2] == 13 && output[output.count - 1] == 10) {
            output += [13, 10]
        }
        output += Array(".\r\n".utf8)
        return output
    }
}

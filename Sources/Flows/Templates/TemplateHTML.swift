/// Email HTML derived from a plain text, for templates written without `html`.
public enum TemplateHTML {
    /// HTML for a plain text: blank-line separated paragraphs become `<p>`, single line breaks `<br>`, `http(s)://` URLs
    /// links; everything else is HTML-escaped. Returns the paragraphs one per line, without `<html>` or `<body>`.
    ///
    /// A URL runs to the next blank, quote, angle bracket or non-ASCII character; closing punctuation after it
    /// (`.`, `,`, `)`…) stays text.
    public static func fromText(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 4 + 16)
        var inParagraph = false
        var pendingBreak = false
        for line in lines(Array(text.utf8)) {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if inParagraph { output += Array("</p>\n".utf8) }
                inParagraph = false
                pendingBreak = false
                continue
            }
            if !inParagraph {
                output += Array("<p>".utf8)
                inParagraph = true
            } else if pendingBreak {
                output += Array("<br>\n".utf8)
            }
            appendLinked(line, to: &output)
            pendingBreak = true
        }
        if inParagraph { output += Array("</p>".utf8) } else if output.last == 0x0A { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 8)
        appendEscaped(text.utf8[...], to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func appendLinked(_ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var position = line.startIndex
        var textStart = line.startIndex
        while position < line.endIndex {
            guard line[position] == 0x68, let end = urlEnd(in: line, from: position) else {  // "h"
                position += 1
                continue
            }
            appendEscaped(line[textStart..<position], to: &output)
            let url = line[position..<end]
            output += Array("<a href=\"".utf8)
            appendEscaped(url, to: &output)
            output += Array("\">".utf8)
            appendEscaped(url, to: &output)
            output += Array("</a>".utf8)
            position = end
            textStart = end
        }
        appendEscaped(line[textStart..<line.endIndex], to: &output)
    }

    private static let http = Array("http://".utf8)
    private static let https = Array("https://".utf8)
    private static let closingPunctuation = Array(".,;:!?)]}'".utf8)

    /// The end of the URL starting at `start`, or nil when no URL starts there.
    private static func urlEnd(in line: ArraySlice<UInt8>, from start: Int) -> Int? {
        if start > line.startIndex {
            let previous = line[start - 1]
            if previous >= 0x80 || (previous | 0x20 >= 0x61 && previous | 0x20 <= 0x7A) || (previous >= 0x30 && previous <= 0x39) { return nil }
        }
        let rest = line[start...]
        let scheme = rest.starts(with: https) ? https.count : rest.starts(with: http) ? http.count : 0
        guard scheme > 0 else { return nil }
        var end = start + scheme
        while end < line.endIndex {
            let byte = line[end]
            if byte <= 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x3C || byte == 0x3E { break }
            end += 1
        }
        while end > start + scheme, closingPunctuation.contains(line[end - 1]) { end -= 1 }
        return end > start + scheme ? end : nil
    }

    private static func appendEscaped(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x26: output += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: output += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: output += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: output += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: output += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: output.append(byte)
            }
        }
    }
}
